/**
 * The providers' vocabulary: what a provider route (a file in {@code routes/}, or Java) may throw
 * to say how its upstream answered. Named in the integrator's guide, routes/README.md.
 */
package dev.socialticker.ticker.provider.contract;
