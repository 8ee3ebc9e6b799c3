package dev.socialticker.ticker.routefile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One route file, {@code <name>.camel.yaml}: a provider (in the routes folder, or packaged in the jar)
 * or an output (in the routes folder's {@code outputs/}).
 *
 * @param name     the provider's or output's name, taken from the file name
 * @param location where it was read from, as shown in messages ({@code routes/github.camel.yaml})
 * @param uri      where Camel reads it from ({@code file:…} or {@code classpath:…})
 * @param packaged true when it ships inside the jar
 */
public record RouteFile(String name, String location, String uri, boolean packaged) {
    public static final String SUFFIX = ".camel.yaml";
    private static final Pattern FILE_NAME = Pattern.compile("([a-z0-9][a-z0-9-]{0,40})" + Pattern.quote(SUFFIX));

    /** The name a file name stands for, or null when it is not {@code <name>.camel.yaml}. */
    public static String nameOf(String fileName) {
        Matcher matcher = FILE_NAME.matcher(fileName);
        return matcher.matches() ? matcher.group(1) : null;
    }
}
