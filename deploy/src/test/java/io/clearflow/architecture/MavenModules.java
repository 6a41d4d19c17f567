package io.clearflow.architecture;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** The modules a root pom.xml lists and the dependencies each module's pom.xml declares. */
final class MavenModules {

    static final String GROUP = "io.clearflow";

    /** A declared dependency on one of our own artifacts. */
    record Dependency(String artifactId, String scope, boolean testJar) {
        @Override
        public String toString() {
            return artifactId + (testJar ? " (test-jar)" : "") + (scope.equals("compile") ? "" : " [" + scope + "]");
        }
    }

    private MavenModules() {
    }

    /** Module artifactId → its {@code io.clearflow} dependencies, for every module the root pom lists. */
    static Map<String, List<Dependency>> read(Path root) {
        Map<String, List<Dependency>> modules = new LinkedHashMap<>();
        Element rootPom = parse(root.resolve("pom.xml"));
        for (Element module : children(child(rootPom, "modules"), "module")) {
            Element pom = parse(root.resolve(module.getTextContent().strip()).resolve("pom.xml"));
            modules.put(text(child(pom, "artifactId"), ""), ourDependencies(pom));
        }
        return modules;
    }

    private static List<Dependency> ourDependencies(Element pom) {
        List<Element> declared = new ArrayList<>(children(child(pom, "dependencies"), "dependency"));
        // a profile can add dependencies too; dependencyManagement and plugin dependencies cannot
        for (Element profile : children(child(pom, "profiles"), "profile")) {
            declared.addAll(children(child(profile, "dependencies"), "dependency"));
        }
        List<Dependency> ours = new ArrayList<>();
        for (Element dependency : declared) {
            String group = text(child(dependency, "groupId"), "");
            if (!group.equals(GROUP) && !group.equals("${project.groupId}")) {
                continue;
            }
            String type = text(child(dependency, "type"), "jar");
            String classifier = text(child(dependency, "classifier"), "");
            ours.add(new Dependency(text(child(dependency, "artifactId"), ""), text(child(dependency, "scope"), "compile"),
                    type.equals("test-jar") || classifier.equals("tests")));
        }
        return ours;
    }

    private static Element parse(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // a pom has no business with DTDs or external entities
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            Document document = builder.parse(pom.toFile());
            return document.getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("cannot read " + pom.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element element, String otherwise) {
        return element == null ? otherwise : element.getTextContent().strip();
    }
}
