package dev.socialticker.ticker.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Entity tags for the page and its assets (served with a short {@code max-age}, see
 * {@code spring.web.resources.cache} in application.yaml): after the max-age a browser or a cache
 * revalidates and gets a 304 for an unchanged file. The API makes its own tags and the actuator
 * needs none, so both are left alone.
 */
@Component
class StaticAssetEtags extends ShallowEtagHeaderFilter {
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ResponseHardening.isPageOrAsset(request);
    }
}
