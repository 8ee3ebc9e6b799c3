/**
 * What the jar's one-shot commands share ({@code --try}, {@code trial}; {@code --authorize},
 * {@code authorize}): their command line, their quiet Spring application with only the beans a
 * command needs, and how they say a refused start.
 */
package dev.socialticker.ticker.command;
