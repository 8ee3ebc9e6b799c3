/** The built-in {@code demo} provider: a simulator whose count drifts, so a first run shows a moving ticker. */
package dev.socialticker.ticker.provider.demo;
