/**
 * The authorize command ({@code --authorize <provider>}): a person connects an account by signing in
 * at the provider once (OAuth 2.0's authorization code with PKCE, the redirect on loopback, RFC
 * 8252); the tokens are kept where the service reads them. Uses the token feature's sign-in
 * ({@code token.TokenKeeper#signIn}); the service's admin sign-in is the same flow behind its
 * public URL ({@code api}).
 */
package dev.socialticker.ticker.authorize;
