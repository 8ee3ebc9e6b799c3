/**
 * The try command ({@code --try routes/x.camel.yaml --account y}): one provider file loaded alone in
 * a small context (no web server, no timers, the state in memory), one call of its route, what was
 * sent and what came back printed with secrets masked, and an exit code a script can test.
 */
package dev.socialticker.ticker.trial;
