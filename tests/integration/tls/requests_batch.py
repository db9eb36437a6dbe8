"""Runs a batch of real `requests` calls and reports what happened to each, as JSON on stdout.

argv[1] is a JSON object: {"url": ..., "cases": [{"verify": true | false | "path", "cert": null | [cert, key]}]}.
Each call gets a fresh connection (requests.get builds a new Session), so one case cannot reuse
another's TLS session.
"""
import json
import sys
import warnings

import requests


def run(url, verify, cert):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            response = requests.get(url, verify=verify, cert=tuple(cert) if cert else None, timeout=10)
            outcome = {"status": response.status_code, "body": response.text}
        except Exception as error:  # the class is the point: report it, whatever it is
            outcome = {"exception": type(error).__module__ + "." + type(error).__qualname__, "message": str(error)}
    outcome["warnings"] = sorted({w.category.__module__ + "." + w.category.__qualname__ for w in caught})
    return outcome


def main():
    spec = json.loads(sys.argv[1])
    results = [dict(case, **run(spec["url"], case["verify"], case["cert"])) for case in spec["cases"]]
    json.dump({"requests": requests.__version__, "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
