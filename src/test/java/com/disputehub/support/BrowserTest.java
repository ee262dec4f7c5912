package com.disputehub.support;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A test of the pages in a real browser, one per test class, signed in as the suite's admin at the first page it
 * opens; the class starts it in its language with {@link #startBrowser(String)}.
 */
public abstract class BrowserTest extends IntegrationTest {

    protected static Browser browser;
    protected static ChromeDriver page;
    private static boolean signedIn;

    /** Starts the class's browser, preferring {@code acceptLanguages} ("es-ES,es"). */
    protected static void startBrowser(String acceptLanguages) {
        signedIn = false;
        browser = Browser.start(acceptLanguages);
        page = browser.driver();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    /** The browser's session went (signed out, or its cookies were cleared): the next page signs in again. */
    protected static void signedOut() {
        signedIn = false;
    }

    protected void open(String path) {
        if (!signedIn) {
            browser.signIn(api(""));
            signedIn = true;
        }
        page.get(api(path));
    }

    protected WebElement find(String css) {
        return page.findElement(By.cssSelector(css));
    }

    /** A value read in the page in one go, so that a part the page swaps or reloads meanwhile is never half read. */
    protected Object script(String expression) {
        return page.executeScript("return " + expression);
    }

    protected List<WebElement> all(String css) {
        return page.findElements(By.cssSelector(css));
    }
}
