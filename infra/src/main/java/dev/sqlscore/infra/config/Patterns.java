package dev.sqlscore.infra.config;

import java.util.regex.Pattern;

/** The shapes configuration values must have, from the AWS and Snowflake naming rules. */
final class Patterns {

    static final Pattern SQL_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,254}");
    /** SageMaker endpoint, variant and inference component names. */
    static final Pattern SAGEMAKER_NAME = Pattern.compile("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}");
    static final Pattern MEDIA_TYPE =
            Pattern.compile("(?=.{3,255}$)[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9*][A-Za-z0-9!#$&^_.+*-]*");
    /** Printable ASCII without the quote that would end a SQL string literal in {@code HEADERS}. */
    static final Pattern HEADER_VALUE = Pattern.compile("[\\x20-\\x26\\x28-\\x7e]{1,1024}");
    static final Pattern VPC_ID = Pattern.compile("vpc-[0-9a-f]{8,17}");
    static final Pattern SNS_TOPIC_ARN = Pattern.compile("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}");

    /**
     * An {@code s3://bucket/prefix} location: S3's bucket naming rules (3 to 63 lower-case letters, digits, dots and
     * hyphens), then a key prefix without quotes or spaces (it becomes an IAM resource and a HEADERS value).
     */
    static final Pattern S3_PREFIX_URI = Pattern.compile(
            "s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/[A-Za-z0-9!_.*()/-]*)?");
    static final Pattern IAM_ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[A-Za-z0-9+=,.@_/-]{1,512}");

    private Patterns() {
    }
}
