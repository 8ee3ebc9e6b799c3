package dev.socialticker.ticker.store;

import dev.socialticker.ticker.provider.contract.PayloadRejectedException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Validates and coerces whatever a provider extracted as "the count" into a whole number.
 * Upstreams send counts as JSON integers, floats ({@code 12345.0}) or strings ({@code "12345"},
 * YouTube); anything else is {@link PayloadRejectedException} so that a bad answer is recorded as
 * {@code INVALID_PAYLOAD} and never shown as a number.
 */
public final class FollowerCountValidator {
    /** No account has ten billion followers: a larger number is a broken payload, not a count. */
    static final long MAX_PLAUSIBLE = 10_000_000_000L;

    private FollowerCountValidator() {}

    public static long coerce(Object raw) {
        if (raw == null) {
            throw new PayloadRejectedException("the follower count is missing from the response");
        }
        BigDecimal value = toDecimal(raw);
        if (value.signum() < 0) {
            throw new PayloadRejectedException("the follower count is negative");
        }
        BigInteger whole;
        try {
            whole = value.toBigIntegerExact();
        } catch (ArithmeticException notWhole) {
            throw new PayloadRejectedException("the follower count is not a whole number");
        }
        if (whole.compareTo(BigInteger.valueOf(MAX_PLAUSIBLE)) > 0) {
            throw new PayloadRejectedException("the follower count is implausibly large");
        }
        return whole.longValueExact();
    }

    private static BigDecimal toDecimal(Object raw) {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            return BigDecimal.valueOf(((Number) raw).longValue());
        }
        if (raw instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (raw instanceof BigDecimal decimal) {
            return decimal;
        }
        if (raw instanceof Double || raw instanceof Float) {
            double d = ((Number) raw).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new PayloadRejectedException("the follower count is not a number");
            }
            return BigDecimal.valueOf(d);
        }
        if (raw instanceof CharSequence text) {
            String trimmed = text.toString().trim();
            // Plain decimal digits only: "1e20", "12,345" or "0x10" are not counts an API sends.
            if (!trimmed.matches("-?\\d{1,20}(\\.\\d{1,6})?")) {
                throw new PayloadRejectedException("the follower count is not a number");
            }
            return new BigDecimal(trimmed);
        }
        throw new PayloadRejectedException("the follower count is not a number");
    }

    /**
     * Profile names are shown on screens: keep them short and printable; fall back to the account,
     * without the leading {@code @} it may be written with ({@code @telegram}): the page writes its own.
     */
    public static String profileOr(Object raw, String fallback) {
        if (raw instanceof CharSequence text) {
            String cleaned = text.toString().replaceAll("\\p{Cntrl}", "").trim();
            if (!cleaned.isEmpty()) {
                return cleaned.length() > 100 ? cleaned.substring(0, 100) : cleaned;
            }
        }
        return fallback != null && fallback.startsWith("@") ? fallback.substring(1) : fallback;
    }
}
