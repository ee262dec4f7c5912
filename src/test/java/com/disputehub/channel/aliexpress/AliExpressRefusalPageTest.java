package com.disputehub.channel.aliexpress;

import static com.disputehub.support.MiraklFake.json;
import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.DisplayName;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import com.disputehub.support.Browser;
import com.disputehub.support.IntegrationTest;

/** A5 in the browser: the seller refuses an AliExpress dispute from its page, with the required evidence image. */
class AliExpressRefusalPageTest extends IntegrationTest {

    @Test
    @DisplayName("A5: the page offers only AliExpress's decisions; a refusal needs its image, uploads it, and is sent")
    void refuseWithEvidenceFromThePage() throws Exception {
        MIRAKL.stubFor(AliExpressSyncContractTest.method(AliExpressAdapter.LIST)
                .willReturn(json(AliExpressSyncContractTest.fixture("list-page-1.json").replace("\"total_item\": 51", "\"total_item\": 3"))));
        for (String id : new String[] {"7000", "7001"}) {
            MIRAKL.stubFor(AliExpressSyncContractTest.method(AliExpressAdapter.DETAIL).withFormParam("issue_id", equalTo(id))
                    .willReturn(json(AliExpressSyncContractTest.fixture("detail-" + id + ".json"))));
        }
        sync.poll(accounts.find(ALIEXPRESS).orElseThrow());
        UUID damaged = jdbc.sql("select id from incident where account_id = ? and external_id = '7001'").param(ALIEXPRESS)
                .query(UUID.class).single();
        MIRAKL.stubFor(AliExpressSyncContractTest.method(AliExpressDecisions.SAVE)
                .willReturn(json("{\"aliexpress_issue_solution_save_response\":{\"result\":{\"success\":true}}}")));
        MIRAKL.stubFor(post(urlPathEqualTo("/ae/sync")).withRequestBody(containing(AliExpressDecisions.UPLOAD))
                .willReturn(json("{\"aliexpress_issue_image_upload_response\":{\"result\":{\"success\":true,\"data\":\"https://ae01.alicdn.com/kf/x.png\"}}}")));
        Path image = Files.createTempFile("entrega", ".png");
        Files.write(image, Base64.getDecoder().decode(AliExpressDecisionContractTest.PNG));
        startDispatcher();

        try (Browser browser = Browser.start("pt-BR,pt")) {
            ChromeDriver page = browser.signIn(api("")).driver();
            page.get(api("/inbox/incidents/" + damaged));
            assertThat(page.findElement(By.id("status")).getText()).isEqualTo("Precisa da sua ação");
            List<String> forms = page.findElements(By.cssSelector("#decide details")).stream()
                    .map(d -> d.getDomAttribute("id")).toList();
            assertThat(forms).contains("decide-AGREE", "decide-REFUSE").doesNotContain("decide-SEND_MESSAGE", "decide-REFUND");

            page.findElement(By.cssSelector("#decide-REFUSE summary")).click();
            WebElement form = page.findElement(By.cssSelector("#decide-REFUSE form"));
            form.findElement(By.name("f.sellerEmail")).sendKeys("loja@exemplo.com.br");
            new Select(form.findElement(By.name("f.cause"))).selectByValue("Others");
            form.findElement(By.name("f.reason")).sendKeys("O rastreio mostra a entrega em perfeito estado");
            assertThat(page.executeScript("return arguments[0].checkValidity()", form))
                    .as("without the evidence image the browser does not send the form").isEqualTo(false);
            form.findElement(By.name("evidence")).sendKeys(image.toAbsolutePath().toString());
            browser.screenshot("aliexpress-refuse-form");
            browser.load(page.findElement(By.id("submit-REFUSE")));
            assertThat(page.findElement(By.id("notice")).getText()).startsWith("Decisão aceite");

            await().atMost(Duration.ofSeconds(20)).until(() -> {
                page.navigate().refresh();
                return "SENT".equals(page.findElement(By.cssSelector("#decisions .decision-state")).getDomAttribute("data-state"));
            });
            assertThat(page.findElement(By.id("evidence")).getText()).contains(image.getFileName().toString());
            browser.screenshot("aliexpress-refused");
        } finally {
            Files.deleteIfExists(image);
        }
        MIRAKL.verify(postRequestedFor(urlPathEqualTo("/ae/sync"))
                .withRequestBodyPart(aMultipart().withName("method").withBody(equalTo(AliExpressDecisions.UPLOAD)).build()));
        MIRAKL.verify(postRequestedFor(urlPathEqualTo("/ae/sync")).withFormParam("method", equalTo(AliExpressDecisions.SAVE))
                .withFormParam("param_dto", containing("O rastreio mostra a entrega")));
    }
}
