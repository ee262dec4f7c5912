package com.disputehub.web;

import static com.disputehub.support.MiraklFake.authorized;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.disputehub.support.BrowserTest;
import com.disputehub.support.MiraklFake;
import com.disputehub.support.MiraklOrders;
import com.disputehub.support.MiraklOrders.Message;
import com.disputehub.support.MiraklOrders.Order;

/**
 * The inbox in a real browser (Debian's chromium, headless) against the connector on loopback, with incidents
 * synced from the Mirakl fake: tabs, filters, an incident and its decision, hostile text, languages, and a bulk
 * answer on a group of 50. Screenshots of each step land in target/browser-screenshots.
 */
class InboxBrowserTest extends BrowserTest {

    static final Instant NOW = Instant.now();
    @org.springframework.beans.factory.annotation.Autowired
    com.disputehub.access.Users users;

    @BeforeAll
    static void startBrowser() {
        startBrowser("es-ES,es");
    }

    void syncLampsAndCups(int lamps, List<Message> messages, Order... more) {
        List<Order> orders = new ArrayList<>(IntStream.rangeClosed(1, lamps)
                .mapToObj(n -> Order.damagedLamp(n, NOW.minus(Duration.ofHours(2L * n)))).toList());
        for (int n = 1; n <= 3; n++) {
            orders.add(Order.damagedLamp(900 + n, NOW.minus(Duration.ofHours(n))).withSku("TAZ-CER-" + n)
                    .withReason("1", "Artículo no recibido").withProduct("Set de tazas", "https://img.example.com/taza.jpg"));
        }
        orders.addAll(List.of(more));
        MiraklOrders.serve(MIRAKL, orders, messages);
        sync.poll(accounts.find(ACCOUNT).orElseThrow());
        MIRAKL.stubFor(authorized(post(urlPathMatching("/api/orders/.*/threads")))
                .willReturn(MiraklFake.json("{\"thread_id\":\"thr-new\",\"message_id\":\"m-new\"}").withStatus(201)));
    }

    void load(WebElement target) {
        browser.load(target);
    }

    void load(String css) {
        load(find(css));
    }

    List<String> memberships() {
        return all("#groups li a").stream().map(WebElement::getText).toList();
    }

    WebElement lamp() {
        return find("tr.incident-row[data-external-id='LMP-001-A-1']");
    }

    String tab(String key) {
        return find("#tab-" + key).getText();
    }

    @Test
    @DisplayName("C1, M2, A2, A5: tabs with counts, filters, an incident in full, a decision sent from its form")
    void tabsFiltersIncidentAndDecision() {
        syncLampsAndCups(6, List.of(Message.fromBuyer("LMP-003", "La lámpara llegó rota, adjunto fotos.", "Cliente Número 3",
                NOW.minus(Duration.ofHours(5)))));
        open("/inbox?lang=en&account=" + ACCOUNT);
        assertThat(tab("all")).isEqualTo("All 9");
        assertThat(tab("action-needed")).isEqualTo("Action needed 9");
        assertThat(tab("closed")).isEqualTo("Closed 0");
        assertThat(all("tr.incident-row")).hasSize(9);
        browser.screenshot("01-inbox-all");

        load("#tab-action-needed");
        assertThat(page.getCurrentUrl()).contains("view=action-needed");
        new Select(find("#filter-reason")).selectByValue("DAMAGED");
        find("#filter-sku").sendKeys("LAMP-");
        new Select(find("#filter-sort")).selectByValue("deadline");
        load("#apply-filters");
        List<java.time.Instant> deadlines = all("tr.incident-row td.deadline span").stream()
                .map(d -> java.time.Instant.parse(d.getDomAttribute("data-deadline"))).toList();
        assertThat(deadlines).hasSize(6).isSorted();
        assertThat(all("tr.incident-row").stream().map(r -> r.getDomAttribute("data-external-id")))
                .allMatch(ref -> ref.startsWith("LMP-"));
        assertThat(tab("action-needed")).isEqualTo("Action needed 6");
        find("#filter-text").sendKeys("rota");
        load("#apply-filters");
        assertThat(all("tr.incident-row")).hasSize(1);
        browser.screenshot("02-inbox-filtered");

        load("tr.incident-row a.open");
        assertThat(find("#reason").getText()).isEqualTo("Damaged");
        assertThat(find("#raw-reason").getText()).isEqualTo("Artículo recibido dañado");
        assertThat(find("#deadline").getText()).startsWith("Deadline: in ");
        page.executeScript("document.querySelector('#deadline [data-deadline]').dataset.deadline = "
                + "new Date(Date.now() - (26 * 60 + 5) * 60000).toISOString(); window.disputehubCountdown();");
        assertThat(find("#deadline strong").getText()).as("the countdown moves on while the page is open")
                .isEqualTo("overdue by 1 d 2 h");
        assertThat(find("#deadline").getDomAttribute("class")).contains("overdue");
        assertThat(find("#messages").getText()).contains("La lámpara llegó rota, adjunto fotos.").contains("Cliente Número 3 (Buyer)");
        assertThat(find("#product img").getDomAttribute("src")).isEqualTo("https://img.example.com/lamp.jpg");
        assertThat(all("#decide details").stream().map(d -> d.getDomAttribute("id")).toList())
                .containsExactlyInAnyOrder("decide-SEND_MESSAGE", "decide-REFUND", "decide-MARK_RESOLVED");
        assertThat(find("#raw").getDomAttribute("open")).isNull();
        browser.screenshot("03-incident");

        startDispatcher();
        find("#decide-SEND_MESSAGE summary").click();
        new Select(find("#decide-SEND_MESSAGE select[name='f.to']")).selectByValue("BUYER");
        find("#decide-SEND_MESSAGE textarea[name='f.body']").sendKeys("Le enviamos otra lámpara hoy.");
        load("#submit-SEND_MESSAGE");
        assertThat(find("#notice").getText()).contains("Decision accepted");
        awaitSent();
        MIRAKL.verify(1, postRequestedFor(urlPathMatching("/api/orders/LMP-003-A/threads")));
        browser.screenshot("04-decision-sent");

        find("#decide-MARK_RESOLVED summary").click();
        WebElement reason = find("#decide-MARK_RESOLVED select[name='f.reasonCode']");
        assertThat(new Select(reason).getOptions()).extracting(WebElement::getText).contains("Artículo de reemplazo recibido");
        assertThat(page.executeScript("return arguments[0].form.checkValidity()", reason))
                .as("the form asks for its required reason before anything is sent").isEqualTo(false);
    }

    @Test
    @DisplayName("M6, X6: a refund from its page asks first: going back sends nothing, confirming sends it once")
    void refundAsksFirst() {
        syncLampsAndCups(1, List.of());
        MIRAKL.stubFor(authorized(put(urlPathEqualTo("/api/orders/refund"))).willReturn(
                MiraklFake.json("{\"refunds\":[{\"order_line_id\":\"LMP-001-A-1\",\"refund_id\":\"r-15\"}]}")));
        open("/inbox?lang=en&account=" + ACCOUNT);
        load(lamp().findElement(By.cssSelector("a.open")));
        String incidentPage = page.getCurrentUrl();

        askRefund();
        assertThat(find("#confirm-question").getText()).isEqualTo("Refund the buyer of order LMP-001-A?");
        assertThat(find("#confirm-what").getText()).contains("Total refund (reason 20)");
        browser.screenshot("15-refund-confirm");
        load("#cancel");
        assertThat(page.getCurrentUrl()).isEqualTo(incidentPage);
        assertThat(all("#decisions .decision-state")).as("going back decided nothing").isEmpty();

        askRefund();
        startDispatcher();
        load("#confirm");
        assertThat(find("#notice").getText()).contains("Decision accepted");
        awaitSent();
        MIRAKL.verify(1, putRequestedFor(urlPathEqualTo("/api/orders/refund")));
        browser.screenshot("16-refund-sent");
    }

    @Test
    @DisplayName("X6: four eyes in the browser: an agent's refund above the limit waits; a supervisor approves it; it reaches the channel once")
    void approvalFlow() {
        jdbc.sql("delete from app_user where login in ('andrea', 'silvia')").update();
        users.save("andrea", null, "Andrea", com.disputehub.access.Role.AGENT, "andrea-password-4711");
        users.save("silvia", null, "Silvia", com.disputehub.access.Role.SUPERVISOR, "silvia-password-4711");
        syncFixtureOrders(FOUR_EYES, "/fe");
        UUID large = jdbc.sql("select id from incident where account_id = ? and external_id = 'ORD-102-A-1'")
                .param(FOUR_EYES).query(UUID.class).single();
        MIRAKL.stubFor(authorized(put(urlPathEqualTo("/fe/api/orders/refund"))).willReturn(
                MiraklFake.json("{\"refunds\":[{\"order_line_id\":\"ORD-102-A-1\",\"refund_id\":\"r-4e\"}]}")));

        browser.signIn(api(""), "andrea", "andrea-password-4711");
        signedOut(); // the next test signs in as the admin again
        page.get(api("/inbox/incidents/" + large + "?lang=en"));
        askRefund();
        load("#confirm");
        assertThat(find("#notice").getText()).contains("waits for a supervisor");
        assertThat(find("#decisions .decision-state").getDomAttribute("data-state")).isEqualTo("APPROVAL_PENDING");
        browser.screenshot("17-refund-awaits-approval");

        browser.signIn(api(""), "silvia", "silvia-password-4711");
        startDispatcher();
        load("#nav-approvals");
        WebElement row = find("tr.approval-row");
        assertThat(row.getText()).contains("ORD-102-A").contains("andrea").contains("119.98");
        browser.screenshot("18-approvals");
        row.findElement(By.cssSelector("form:first-of-type input[name=reason]")).sendKeys("Photos confirm the damage");
        load(row.findElement(By.cssSelector("button.approve")));
        assertThat(find("#notice").getText()).contains("Approved");
        assertThat(all("tr.approval-row")).isEmpty();
        page.get(api("/inbox/incidents/" + large));
        awaitSent();
        assertThat(find("#timeline").getText()).contains("Photos confirm the damage");
        MIRAKL.verify(1, putRequestedFor(urlPathEqualTo("/fe/api/orders/refund")));
        browser.screenshot("19-approved-and-sent");
    }

    @Test
    @DisplayName("X6: a hostile page on another origin that posts a form to DisputeHub with the signed-in browser is refused; nothing is saved")
    void crossSiteFormRefused() {
        syncLampsAndCups(1, List.of());
        UUID lamp = jdbc.sql("select id from incident where account_id = ? and external_id = 'LMP-001-A-1'").param(ACCOUNT)
                .query(UUID.class).single();
        MIRAKL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/hostile.html")).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse().withHeader("Content-Type", "text/html").withBody("""
                        <!DOCTYPE html><html><body><h1>Win a prize</h1>
                        <form method="post" action="%s"><input type="hidden" name="body" value="planted by a hostile page">
                        <button id="prize" type="submit">Claim</button></form></body></html>
                        """.formatted(api("/inbox/incidents/" + lamp + "/notes")))));
        open("/inbox?lang=en"); // signed in
        page.get(MIRAKL.baseUrl() + "/hostile.html");
        load("#prize");
        assertThat(find("#refused h1").getText()).as("a page in the person's language (es or the chosen en) says why")
                .isIn("No permitido", "Not allowed");
        assertThat(jdbc.sql("select count(*) from incident_note where incident_id = ?").param(lamp).query(Long.class).single())
                .as("the post carried the session cookie but no CSRF token").isZero();
        browser.screenshot("20-cross-site-refused");
    }

    @Test
    @DisplayName("X7: Swagger UI shows the API's contract to a signed-in person, under the pages' Content-Security-Policy")
    void swaggerUi() {
        open("/swagger-ui.html");
        await().atMost(Duration.ofSeconds(45)).until(() -> !all(".info .title").isEmpty());
        assertThat(find(".info .title").getText()).contains("DisputeHub API");
        assertThat(all(".opblock").size()).isGreaterThan(20);
        browser.screenshot("21-swagger-ui");
    }

    /** Reloads the incident's page until its decision shows as sent. */
    private void awaitSent() {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            page.navigate().refresh();
            return "SENT".equals(find("#decisions .decision-state").getDomAttribute("data-state"));
        });
    }

    private void askRefund() {
        find("#decide-REFUND summary").click();
        new Select(find("#decide-REFUND select[name='f.mode']")).selectByValue("TOTAL");
        new Select(find("#decide-REFUND select[name='f.reasonCode']")).selectByValue("20");
        load("#submit-REFUND");
    }

    @Test
    @DisplayName("Buyer and carrier text is untrusted: script and HTML synced from a channel are shown as text and never run")
    void hostileTextIsInert() {
        Order hostile = Order.damagedLamp(66, NOW.minus(Duration.ofHours(1)))
                .withBuyer("<img src=x onerror=\"window.__xss='buyer'\">", "</td><script>window.__xss='name'</script>")
                .withProduct("<script>window.__xss='title'</script><b>Lámpara</b>", "javascript:window.__xss='image'");
        syncLampsAndCups(1, List.of(Message.fromBuyer("LMP-066", "<script>window.__xss='message'</script><iframe src=\"javascript:parent.__xss='frame'\"></iframe>",
                "<svg onload=\"window.__xss='author'\">", NOW.minus(Duration.ofMinutes(30)))), hostile);

        open("/inbox?lang=en&text=script&account=" + ACCOUNT);
        assertThat(all("tr.incident-row")).hasSize(1);
        assertThat(find("tr.incident-row").getText()).contains("<img src=x onerror=\"window.__xss='buyer'\">");
        assertThat(page.executeScript("return window.__xss === undefined")).isEqualTo(true);
        assertThat(all("tr.incident-row script, tr.incident-row img")).isEmpty();
        browser.screenshot("05-hostile-list");

        load("tr.incident-row a.open");
        assertThat(find("#messages").getText()).contains("<script>window.__xss='message'</script>");
        assertThat(find("#product h2").getText()).isEqualTo("<script>window.__xss='title'</script><b>Lámpara</b>");
        assertThat(all("#product img, #messages iframe, #messages svg, #product b")).isEmpty();
        find("#raw summary").click();
        assertThat(find("#raw pre").getText()).contains("window.__xss='title'");
        assertThat(page.executeScript("return window.__xss === undefined")).isEqualTo(true);
        browser.screenshot("06-hostile-incident");
    }

    @Test
    @DisplayName("The pages speak the browser's language (es), and the switch changes it; raw labels stay in their own language")
    void languages() {
        syncLampsAndCups(2, List.of());
        page.manage().deleteAllCookies();
        signedOut(); // the session cookie went with the language one
        open("/inbox?account=" + ACCOUNT);
        assertThat(find("html").getDomAttribute("lang")).isEqualTo("es");
        assertThat(tab("action-needed")).isEqualTo("Pendiente de resolución 5");
        assertThat(lamp().getText()).contains("Dañado").contains("Artículo recibido dañado");
        browser.screenshot("07-inbox-es");

        new Select(find("#lang")).selectByValue("it");
        await().atMost(Duration.ofSeconds(10)).until(() -> tab("action-needed").startsWith("Da gestire"));
        open("/inbox/groups");
        assertThat(find("h1").getText()).isEqualTo("Gruppi");
        new Select(find("#lang")).selectByValue("nl");
        await().atMost(Duration.ofSeconds(10)).until(() -> find("h1").getText().equals("Groepen"));
        open("/inbox?lang=pt&account=" + ACCOUNT);
        assertThat(tab("closed")).startsWith("Fechadas");
        assertThat(lamp().getText()).contains("Danificado").contains("Artículo recibido dañado");
        open("/inbox?lang=en");
    }

    @Test
    @DisplayName("A3, X3, X6: groups from the pages: a rule group follows its filter; a manual group is filled, emptied, renamed, deleted after a confirmation")
    void groupsFromThePages() {
        syncLampsAndCups(4, List.of());
        open("/inbox/groups?lang=en");
        find("#rule-name").sendKeys("Lámparas dañadas");
        new Select(find("#create-rule select[name='account']")).selectByValue(ACCOUNT);
        new Select(find("#rule-reason")).selectByValue("DAMAGED");
        find("#rule-sku").sendKeys("LAMP-");
        load("#create-rule-submit");
        assertThat(find("#active-group").getText()).contains("Lámparas dañadas").contains("rule");
        assertThat(tab("all")).isEqualTo("All 4");

        open("/inbox/groups");
        find("#manual-name").sendKeys("Revisar");
        load("#create-manual button");
        assertThat(tab("all")).isEqualTo("All 0");
        String manual = page.getCurrentUrl().replaceAll(".*group=", "");

        open("/inbox?account=" + ACCOUNT + "&sku=LAMP-&sort=deadline");
        all("tr.incident-row input[name=ids]").subList(0, 2).forEach(WebElement::click);
        new Select(find("#selection-group")).selectByVisibleText("Revisar");
        load("#add-to-group");
        assertThat(find("#notice").getText()).isEqualTo("2 incident(s) added to Revisar");

        open("/inbox?group=" + manual);
        assertThat(all("tr.incident-row")).hasSize(2);
        find("tr.incident-row input[name=ids]").click();
        load("#remove-from-group");
        assertThat(find("#notice").getText()).isEqualTo("1 incident(s) removed from Revisar");
        assertThat(all("tr.incident-row")).hasSize(1);

        load("tr.incident-row a.open");
        assertThat(memberships()).containsExactlyInAnyOrder("Lámparas dañadas", "Revisar");
        load("#groups button.link");
        assertThat(memberships()).containsExactly("Lámparas dañadas");
        new Select(find("#incident-group")).selectByVisibleText("Revisar");
        load("#incident-add-group");
        assertThat(memberships()).containsExactlyInAnyOrder("Lámparas dañadas", "Revisar");
        browser.screenshot("13-incident-groups");

        open("/inbox/groups");
        WebElement row = find("tr.group-row[data-name='Revisar']");
        WebElement name = row.findElement(By.cssSelector("input[name=name]"));
        name.clear();
        name.sendKeys("Revisado");
        load(row.findElement(By.cssSelector("form button")));
        assertThat(find("tr.group-row[data-name='Revisado'] .group-size").getText()).isEqualTo("1");
        load("tr.group-row[data-name='Revisado'] button.danger");
        assertThat(find("#confirm-question").getText()).as("X6: deleting a group asks first").contains("Revisado");
        assertThat(find("#confirm-hint").getText()).contains("1");
        browser.screenshot("14-group-delete-confirm");
        load("#confirm");
        assertThat(all("tr.group-row").stream().map(r -> r.getDomAttribute("data-name")).toList()).containsExactly("Lámparas dañadas");
        browser.screenshot("14-groups-after");
        open("/inbox?account=" + ACCOUNT);
        assertThat(tab("all")).isEqualTo("All 7");
    }

    @Test
    @DisplayName("X3: 50 incidents put in a group from the list, answered in bulk: dry run first, then live progress to done")
    void bulkAnswerOnGroupOf50() {
        syncLampsAndCups(50, List.of());
        open("/inbox?lang=en&sku=LAMP-&account=" + ACCOUNT);
        assertThat(all("tr.incident-row")).hasSize(50);
        find("#select-all").click();
        find("#selection-new-group").sendKeys("Lámparas rotas");
        load("#add-to-group");
        assertThat(find("#notice").getText()).isEqualTo("50 incident(s) added to Lámparas rotas");

        load("#nav-groups");
        WebElement row = find("tr.group-row");
        assertThat(row.findElement(By.cssSelector(".group-size")).getText()).isEqualTo("50");
        browser.screenshot("08-groups");
        load(row.findElement(By.cssSelector("a.button")));

        assertThat(find("#bulk-scope").getText()).contains("50 incidents selected");
        new Select(find("#bulk-type")).selectByValue("SEND_MESSAGE");
        await().atMost(Duration.ofSeconds(10)).until(() -> !all("#bulk-form").isEmpty());
        new Select(find("#bulk-form select[name='f.to']")).selectByValue("BUYER");
        find("#bulk-form textarea[name='f.body']").sendKeys("Hello {buyerName}, we are on order {orderId}.");
        find("#translations summary").click();
        find("#tr-es-body").sendKeys("Hola {buyerName}, nos ocupamos del pedido {orderId}.");
        browser.screenshot("09-bulk-form");
        load("#dry-run");

        assertThat(find("#eligible").getText()).isEqualTo("50");
        assertThat(find("#ineligible").getText()).isEqualTo("0");
        assertThat(find("#examples .example").getText()).as("X3: the message as the buyer will read it, not the command's JSON")
                .containsPattern("Hola Cliente Número \\d+, nos ocupamos del pedido LMP-\\d{3}-A\\.").doesNotContain("\"body\"", "{");
        MIRAKL.verify(0, postRequestedFor(urlPathMatching("/api/orders/.*/threads")));
        browser.screenshot("10-dry-run");

        startDispatcher();
        load("#confirm");
        assertThat(find("#total").getText()).isEqualTo("50");
        browser.screenshot("11-progress");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> "DONE".equals(script("document.getElementById('bulk') && document.getElementById('bulk').dataset.state")));
        // the page reloads itself once done: read it after that
        await().atMost(Duration.ofSeconds(10)).until(() -> "complete".equals(script("document.readyState"))
                && "Done".equals(script("document.getElementById('state') && document.getElementById('state').textContent.trim()")));
        assertThat(find("#state").getText()).isEqualTo("Done");
        assertThat(find("#sent").getText()).isEqualTo("50");
        assertThat(find("#pending").getText()).isEqualTo("0");
        assertThat(all("td.item-state").stream().map(s -> s.getDomAttribute("data-state")).distinct().toList()).containsExactly("SENT");
        assertThat(find("td.item-state").getText()).isEqualTo("Sent");
        browser.screenshot("12-done");
        MIRAKL.verify(50, postRequestedFor(urlPathMatching("/api/orders/.*/threads")));
        assertThat(MIRAKL.findAll(postRequestedFor(urlPathMatching("/api/orders/LMP-007-A/threads"))).get(0).getBodyAsString())
                .contains("Hola Cliente Número 7, nos ocupamos del pedido LMP-007-A.");
    }
}
