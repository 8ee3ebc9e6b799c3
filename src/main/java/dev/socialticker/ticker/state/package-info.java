/**
 * Where the service keeps what must outlive a process, in one place: each source's state, the open
 * incidents with their alert outbox, and rotated access tokens (and, next, each source's history).
 * Files by default, Redis in the shared mode (so a fleet shares them), memory for
 * {@code ticker.store.type=memory}: see {@link dev.socialticker.ticker.state.StateRepository}.
 * The features own their documents' content; this package owns only where and how they are kept.
 */
package dev.socialticker.ticker.state;
