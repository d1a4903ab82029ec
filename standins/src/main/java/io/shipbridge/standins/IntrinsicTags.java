package io.shipbridge.standins;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads CloudFormation's short-form intrinsics as their long form: {@code !Ref X} becomes {@code {"Ref": "X"}},
 * {@code !GetAtt X.Arn} becomes {@code {"Fn::GetAtt": ["X", "Arn"]}}, {@code !Sub "..."} becomes
 * {@code {"Fn::Sub": "..."}}, and so on for every {@code Fn::} function.
 */
final class IntrinsicTags extends SafeConstructor {
    private static final List<String> FUNCTIONS = List.of("Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs",
            "ImportValue", "Join", "Select", "Split", "Sub", "Transform", "And", "Equals", "If", "Not", "Or",
            "Length", "ToJsonString");

    IntrinsicTags() {
        super(new LoaderOptions());
        yamlConstructors.put(new Tag("!Ref"), new LongForm("Ref"));
        yamlConstructors.put(new Tag("!Condition"), new LongForm("Condition"));
        for (String function : FUNCTIONS) {
            yamlConstructors.put(new Tag("!" + function), new LongForm("Fn::" + function));
        }
    }

    private final class LongForm extends AbstractConstruct {
        private final String key;

        LongForm(String key) {
            this.key = key;
        }

        @Override
        public Object construct(Node node) {
            Object value;
            if (node instanceof ScalarNode scalar) {
                String text = scalar.getValue();
                value = key.equals("Fn::GetAtt") ? List.of(text.substring(0, text.indexOf('.')),
                        text.substring(text.indexOf('.') + 1)) : text;
            } else if (node instanceof SequenceNode sequence) {
                value = constructSequence(sequence);
            } else {
                value = constructMapping((MappingNode) node);
            }
            return Map.of(key, value);
        }
    }
}
