package dev.socialticker.ticker.api;

import java.time.Instant;

/**
 * The admin sign-in's start, for a script ({@code Accept: application/json}) instead of a redirect:
 * the address to open, where the provider will send the browser back, and until when.
 */
record SignInDocument(String provider, String address, String redirectUri, Instant expiresAt) {}
