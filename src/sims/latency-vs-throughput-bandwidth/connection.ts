/**
 * What a real request pays beyond the pipe's `latency + size / bandwidth`: the handshakes of a new
 * connection, and TCP's slow start, which sends a small window first and waits for acknowledgements
 * before it sends more. The pipe formula is the limit a long-lived, busy connection approaches.
 *
 * Idealised the textbook way (Kurose and Ross, "Computer Networking", modelling TCP latency under slow
 * start): no loss, no receive-window limit, the window doubling every round trip until it covers the
 * bandwidth-delay product, after which the data flows at the full bandwidth.
 */
import type { Pipe } from './pipe.ts';

/** A 1,500-byte Ethernet packet less 20 bytes of IPv4 header and 20 of TCP header. */
export const MSS_BYTES = 1460;

/** RFC 6928 §2: the initial window is min(10 × MSS, max(2 × MSS, 14,600 bytes)). */
export function initialWindowBytes(mss = MSS_BYTES): number {
  return Math.min(10 * mss, Math.max(2 * mss, 14_600));
}

/**
 * Round trips a new HTTPS connection spends before its request can leave: TCP's three-way handshake
 * (RFC 9293 §3.5) and a full TLS 1.3 handshake (RFC 8446 §2; TLS 1.2 needs two).
 */
export const HANDSHAKE_ROUND_TRIPS = { tcp: 1, tls: 1 } as const;

export interface SlowStart {
  /** Windows the payload goes out in: the first is the initial window, each next one twice as large. */
  flights: number;
  /** Flights after which the sender runs out of window and waits for acknowledgements. */
  stalls: number;
  /** From the server's first byte sent to its last: the payload at full rate plus every wait. */
  sendMs: number;
}

/** Flights beyond which a doubling window exceeds any payload the pipe offers (25 MB needs 11). */
const MAX_FLIGHTS = 64;

/** Slow start for the pipe's payload, sent as the response on a connection that has just opened. */
export function slowStart(pipe: Pipe, mss = MSS_BYTES): SlowStart {
  const bytes = pipe.payloadKb * 1000;
  const msPerByte = 8 / (pipe.bandwidthMbps * 1000);
  const roundTrip = 2 * pipe.latencyMs;
  let window = initialWindowBytes(mss);
  let sent = 0;
  let flights = 0;
  let stalls = 0;
  let waited = 0;
  while (flights < MAX_FLIGHTS) {
    flights++;
    sent += window;
    if (sent >= bytes) break;
    // The first acknowledgement of a flight is back one segment time plus a round trip after the
    // flight began. A flight that takes longer than that to send keeps the pipe full: no gap.
    const gap = mss * msPerByte + roundTrip - window * msPerByte;
    if (gap > 0) {
      stalls++;
      waited += gap;
    }
    window *= 2;
  }
  return { flights, stalls, sendMs: bytes * msPerByte + waited };
}

/**
 * The whole fetch on a new HTTPS connection, from the client's first packet to the response's last
 * byte: the handshakes, the request's trip out and the response's trip back (one more round trip),
 * and the response sent under slow start.
 */
export function newConnectionFetchMs(pipe: Pipe): number {
  const roundTrips = HANDSHAKE_ROUND_TRIPS.tcp + HANDSHAKE_ROUND_TRIPS.tls + 1;
  return roundTrips * 2 * pipe.latencyMs + slowStart(pipe).sendMs;
}
