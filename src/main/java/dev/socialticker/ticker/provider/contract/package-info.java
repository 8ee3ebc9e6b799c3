/**
 * The providers' vocabulary, named in the integrator's guide (routes/README.md): the headers a
 * provider route receives and returns ({@link dev.socialticker.ticker.provider.contract.TickerHeaders}),
 * the failure codes, and what a provider may throw to say how its upstream answered.
 */
package dev.socialticker.ticker.provider.contract;
