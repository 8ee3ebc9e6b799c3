/**
 * What is wrong with a route file, said so an integrator can fix it: each mistake with its place
 * ({@code file:line:column}), the line as written and a hint; the file's YAML read once, with the
 * position of every node, so a syntax error is described in plain words and a file that is one
 * {@code templatedRoute} is checked whole, every mistake in it reported at once.
 */
package dev.socialticker.ticker.routefile.problem;
