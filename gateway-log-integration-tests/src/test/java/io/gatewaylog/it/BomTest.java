package io.gatewaylog.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The BOM pins every published module at the version that module declares, and nothing else. */
class BomTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static Document read(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static String child(Element e, String name) {
        NodeList l = e.getElementsByTagName(name);
        return l.getLength() == 0 ? null : l.item(0).getTextContent().trim();
    }

    @Test
    void bomListsEveryPublishedModuleAtItsOwnVersion() throws Exception {
        Map<String, String> published = new LinkedHashMap<>();
        String rootPom = Files.readString(ROOT.resolve("pom.xml"));
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(rootPom);
        while (m.find()) {
            String module = m.group(1);
            if (module.equals("gateway-log-bom")
                    || module.equals("gateway-log-integration-tests")
                    || module.equals("gateway-log-benchmarks")
                    || module.equals("gateway-log-demo")
                    // the Kafka sink's test broker: a class path for tests, never published
                    || module.equals("gateway-log-sink-kafka/test-broker")) {
                continue;
            }
            Element project = read(ROOT.resolve(module).resolve("pom.xml")).getDocumentElement();
            String version = null;
            for (int i = 0; i < project.getChildNodes().getLength(); i++) {
                if (project.getChildNodes().item(i) instanceof Element c
                        && c.getTagName().equals("version")) {
                    version = c.getTextContent().trim();
                }
            }
            published.put(module, version);
        }
        Map<String, String> pinned = new LinkedHashMap<>();
        NodeList deps = read(ROOT.resolve("gateway-log-bom/pom.xml")).getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            assertThat(child(d, "groupId")).isEqualTo("io.gatewaylog");
            pinned.put(child(d, "artifactId"), child(d, "version"));
        }
        assertThat(pinned).isEqualTo(published);
        assertThat(Files.readString(ROOT.resolve("gateway-log-bom/pom.xml")))
                .doesNotContain("<parent>")
                .doesNotContain("<properties>")
                .doesNotContain("<build>");
    }
}
