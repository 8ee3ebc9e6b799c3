package dev.socialticker.ticker.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The big-screen view at {@code /screen}: the static {@code screen.html} (frontend/src), under a
 * URL worth typing into a kiosk or a TV's browser. A forward, not a redirect, so the address and
 * its query (the screen's settings) stay as typed; the page gets the same headers, ETag and
 * caching as every other page and asset.
 */
@Configuration(proxyBeanMethods = false)
class ScreenPage implements WebMvcConfigurer {
    static final String PATH = "/screen";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController(PATH).setViewName("forward:/screen.html");
    }
}
