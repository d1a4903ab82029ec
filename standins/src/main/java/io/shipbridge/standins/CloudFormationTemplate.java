package io.shipbridge.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * A SAM/CloudFormation template, as JSON nodes: short-form intrinsics ({@code !Ref X}, {@code !GetAtt X.Arn},
 * {@code !Sub ...}) arrive in their long form ({@code {"Ref": "X"}}, {@code {"Fn::GetAtt": ["X", "Arn"]}}...).
 */
public final class CloudFormationTemplate {
    private final Path file;
    private final JsonNode root;
    private final Map<String, Resource> resources;

    private CloudFormationTemplate(Path file, JsonNode root, Map<String, Resource> resources) {
        this.file = file;
        this.root = root;
        this.resources = resources;
    }

    public record Resource(String logicalId, String type, JsonNode properties) {
    }

    public static CloudFormationTemplate read(Path file) {
        try {
            Object yaml = new Yaml(new IntrinsicTags()).load(Files.readString(file));
            JsonNode root = new ObjectMapper().valueToTree(yaml);
            Map<String, Resource> resources = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = root.path("Resources").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode node = field.getValue();
                resources.put(field.getKey(),
                        new Resource(field.getKey(), node.path("Type").asText(), node.path("Properties")));
            }
            return new CloudFormationTemplate(file.toAbsolutePath(), root, resources);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read template " + file, e);
        }
    }

    /** Finds template.yaml in the working directory or the nearest parent, as Maven runs tests from a module. */
    public static Path locate() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("template.yaml");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("No template.yaml in " + Path.of("").toAbsolutePath() + " or its parents");
    }

    public List<Resource> ofType(String type) {
        List<Resource> found = new ArrayList<>();
        for (Resource resource : resources.values()) {
            if (resource.type().equals(type)) {
                found.add(resource);
            }
        }
        return found;
    }

    public Map<String, Resource> resources() {
        return resources;
    }

    /** The whole template as JSON, its short-form intrinsics ({@code !Ref}, {@code !Sub}...) in their long form. */
    public JsonNode json() {
        return root.deepCopy();
    }

    /** A top-level section: {@code Parameters}, {@code Globals}, {@code Outputs}... (missing node when absent). */
    public JsonNode section(String name) {
        return root.path(name);
    }

    /**
     * A state machine's definition as deployed with the parameters' defaults: each {@code ${Name}} whose
     * DefinitionSubstitutions entry is a {@code Ref} to a parameter is replaced by that parameter's default, the
     * other placeholders (function ARNs) are left for the caller.
     */
    public String definitionWithDefaults(String stateMachineLogicalId) {
        Resource machine = resources().get(stateMachineLogicalId);
        String definition;
        try {
            definition = java.nio.file.Files.readString(file.getParent().resolve(
                    machine.properties().path("DefinitionUri").asText()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        var substitutions = machine.properties().path("DefinitionSubstitutions").fields();
        while (substitutions.hasNext()) {
            var substitution = substitutions.next();
            JsonNode parameter = section("Parameters").path(substitution.getValue().path("Ref").asText());
            if (parameter.has("Default")) {
                definition = definition.replace("${" + substitution.getKey() + "}",
                        parameter.get("Default").asText());
            }
        }
        return definition;
    }
}
