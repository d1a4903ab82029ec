package io.shipbridge.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.aws.SignedJsonApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.lambda.powertools.parameters.BaseProvider;
import software.amazon.lambda.powertools.parameters.transform.TransformationManager;

/**
 * Powertools' parameters provider for AWS Secrets Manager, without the service's SDK module (580 KB of model classes
 * in the jar for the one operation the functions make): GetSecretValue as a signed JSON 1.1 call
 * ({@link SignedJsonApi#SECRETS_MANAGER}). Powertools' base provider and cache do the rest, as for its own
 * {@code SecretsProvider}: a value is read on first use and again once it is older than {@code maxAge}, by
 * {@code clock} ({@link ClockedCache}).
 */
public final class SecretsManagerProvider extends BaseProvider {
    private final SignedJsonApi secretsManager;
    private final Clock clock;

    public SecretsManagerProvider(SignedJsonApi secretsManager, Duration maxAge, Clock clock) {
        super(new ClockedCache(clock, maxAge), new TransformationManager());
        this.secretsManager = secretsManager;
        this.clock = clock;
    }

    @Override
    protected Instant now() {
        return clock.instant();
    }

    /** The AWSCURRENT version's SecretString; a secret without one (binary) names the secret, never a value. */
    @Override
    protected String getValue(String secretId) {
        JsonNode value = secretsManager.call("GetSecretValue", "/", Json.MAPPER.createObjectNode()
                .put("SecretId", secretId)).get("SecretString");
        if (value == null || !value.isTextual()) {
            throw new IllegalStateException("Secret " + secretId + " has no SecretString: Shipbridge's secrets are"
                    + " JSON text (README, Secrets)");
        }
        return value.asText();
    }

    @Override
    protected Map<String, String> getMultipleValues(String path) {
        throw new UnsupportedOperationException("Secrets Manager has no secrets by path: get each by its ARN");
    }
}
