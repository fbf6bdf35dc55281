package dev.sqlscore.infra;

import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.sqlscore.infra.config.AsyncSettings;
import dev.sqlscore.infra.config.FunctionSettings;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where asynchronous batches live between Snowflake's POST and its polls: the request payloads (row data) and each
 * batch's state, under {@value #STATE_PREFIX}. Treated as holding customer data: encrypted at rest, public access
 * blocked, TLS only, and expired after {@code asyncStateDays}; destroyed with the stack, objects and all, since it
 * holds nothing that outlives a query. Built only when some function is asynchronous.
 */
record AsyncStateBucket(BucketV2 bucket, List<Resource> configuration) {

    /** The key prefix the handler keeps batches under (its {@code SQLSCORE_ASYNC_STATE_PATH}). */
    static final String STATE_PREFIX = "batches/";
    /** S3 bucket names: lower case, at most 63 characters; the provider appends a 26-character unique suffix. */
    private static final int BUCKET_PREFIX_LIMIT = 37;

    /** Nothing without asynchronous functions. */
    static Optional<AsyncStateBucket> create(String name, String stackName, List<FunctionSettings> asyncFunctions,
                                             int asyncStateDays, Resource parent) {
        if (asyncFunctions.isEmpty()) {
            return Optional.empty();
        }
        CustomResourceOptions child = CustomResourceOptions.builder().parent(parent).build();
        var bucket = new BucketV2(name + "-async-state", BucketV2Args.builder()
                .bucketPrefix(bucketPrefix(name, stackName))
                .forceDestroy(true)
                .build(), child);
        var encryption = new BucketServerSideEncryptionConfigurationV2(name + "-async-state-encryption",
                BucketServerSideEncryptionConfigurationV2Args.builder()
                        .bucket(bucket.id())
                        // SSE-S3: the endpoint's execution role reads the payloads without a KMS grant.
                        .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                                .applyServerSideEncryptionByDefault(
                                    BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs
                                        .builder().sseAlgorithm("AES256").build())
                                .build())
                        .build(), child);
        var publicAccess = new BucketPublicAccessBlock(name + "-async-state-public-access",
                BucketPublicAccessBlockArgs.builder()
                        .bucket(bucket.id())
                        .blockPublicAcls(true)
                        .blockPublicPolicy(true)
                        .ignorePublicAcls(true)
                        .restrictPublicBuckets(true)
                        .build(), child);
        var expiry = new BucketLifecycleConfigurationV2(name + "-async-state-expiry",
                BucketLifecycleConfigurationV2Args.builder()
                        .bucket(bucket.id())
                        .rules(BucketLifecycleConfigurationV2RuleArgs.builder()
                                .id("expire-async-batches")
                                .status("Enabled")
                                .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                                .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder()
                                        .days(asyncStateDays).build())
                                .abortIncompleteMultipartUpload(
                                        BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                                                .daysAfterInitiation(1).build())
                                .build())
                        .build(), child);
        List<String> readers = asyncFunctions.stream().map(FunctionSettings::async)
                .map(AsyncSettings::endpointRoleArn).filter(Objects::nonNull).distinct().toList();
        // After the public access block: S3 checks a new policy against it, and a TLS-only Deny naming "*" is not
        // public, but a policy put before the block exists is judged without it.
        var policy = new BucketPolicy(name + "-async-state-policy", BucketPolicyArgs.builder()
                .bucket(bucket.id())
                .policy(bucket.arn().applyValue(arn -> PolicyDocuments.tlsOnlyBucket(arn, arn + "/" + STATE_PREFIX
                        + "*", readers)))
                .build(), CustomResourceOptions.builder().parent(parent).dependsOn(publicAccess).build());
        return Optional.of(new AsyncStateBucket(bucket, List.of(encryption, publicAccess, expiry, policy)));
    }

    /** {@code s3://<bucket>/batches/}: what the handler is told. */
    Output<String> statePath() {
        return bucket.bucket().applyValue(name -> "s3://" + name + "/" + STATE_PREFIX);
    }

    static String bucketPrefix(String name, String stackName) {
        String prefix = (name + "-" + stackName + "-").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-")
                .replaceAll("-{2,}", "-");
        if (!Character.isLetterOrDigit(prefix.charAt(0))) {
            prefix = "s" + prefix;
        }
        return prefix.length() <= BUCKET_PREFIX_LIMIT ? prefix : prefix.substring(0, BUCKET_PREFIX_LIMIT - 1) + "-";
    }
}
