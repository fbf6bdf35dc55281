package dev.sqlscore.infra;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.deployment.Deployment;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.sqlscore.infra.config.EndpointType;
import dev.sqlscore.infra.config.Functions;
import java.util.List;
import java.util.Map;

/**
 * Snowflake external functions backed by SageMaker endpoints, deployed as one unit: the Java Lambda, the REST API
 * in front of it, the IAM role Snowflake assumes, the Snowflake API integration, the functions and their grants,
 * and for asynchronous functions the S3 bucket that holds their batches between Snowflake's POST and its polls.
 * Any Pulumi Java program can instantiate it with {@link SnowflakeSageMakerFunctionsArgs}.
 */
public final class SnowflakeSageMakerFunctions extends ComponentResource {

    public static final String TYPE = "sqlscore:index:SnowflakeSageMakerFunctions";

    /** The stage URL Snowflake's integration allows; functions call it plus {@code /score}. */
    @Export(name = "invokeUrl", refs = {String.class}, tree = "[0]")
    private final Output<String> invokeUrl;

    @Export(name = "roleArn", refs = {String.class}, tree = "[0]")
    private final Output<String> roleArn;

    @Export(name = "integrationName", refs = {String.class}, tree = "[0]")
    private final Output<String> integrationName;

    /** SQL name -> fully qualified name, for each function. */
    @Export(name = "functionNames", refs = {Map.class, String.class, String.class}, tree = "[0,1,2]")
    private final Output<Map<String, String>> functionNames;

    /** The stack's CloudWatch dashboard, in the console. */
    @Export(name = "dashboardUrl", refs = {String.class}, tree = "[0]")
    private final Output<String> dashboardUrl;

    /** SQL name -> a query to paste into a worksheet. */
    @Export(name = "sampleSql", refs = {Map.class, String.class, String.class}, tree = "[0,1,2]")
    private final Output<Map<String, String>> sampleSql;

    public SnowflakeSageMakerFunctions(String name, SnowflakeSageMakerFunctionsArgs args) {
        this(name, args, null);
    }

    public SnowflakeSageMakerFunctions(String name, SnowflakeSageMakerFunctionsArgs args,
                                       ComponentResourceOptions options) {
        super(TYPE, name, options);
        String stackName = Deployment.getInstance().getStackName();
        String roleName = ResourceNames.snowflakeRole(name, stackName);
        AwsContext aws = AwsContext.lookup();

        // API -> integration -> role -> resource policy -> deployment -> stage -> functions: no policy names a
        // principal that does not exist yet, and the functions come last.
        Functions catalog = args.functions();
        var asyncState = AsyncStateBucket.create(name, stackName, catalog.asyncFunctions(), args.asyncStateDays(),
                this);
        var lambda = ScoringLambda.create(name, stackName, catalog, args.lambda(), args.scoring(), args.monitoring(),
                args.logRetentionDays(), args.handlerArtifact(), aws, asyncState, this);
        var restApi = ScoringApi.restApi(name, stackName, args.endpointType(), this);
        var trust = SnowflakeTrust.create(name, roleName, ResourceNames.apiIntegration(name, stackName),
                args.snowflake(), args.snowflakePrivateKey(), args.snowflakePrivateKeyPassphrase(),
                args.endpointType(), catalog.hasAsyncFunctions(), restApi, aws, this);
        var apiOptions = new ApiOptions(args.endpointType(), args.integrationTimeoutSeconds(), args.accessLogging(),
                args.logRetentionDays(), args.monitoring().tracing(), catalog.hasAsyncFunctions());
        Output<List<String>> sourceVpcIds = args.endpointType() == EndpointType.PRIVATE
                ? SnowflakeVpcs.sourceVpcIds(args.snowflakeVpcIds(), args.discoverSnowflakeVpcIds(), trust.provider(),
                        this)
                : Output.of(List.of());
        var api = ScoringApi.create(name, stackName, apiOptions, restApi, lambda,
                aws.snowflakeSessionArn(trust.role().name()), sourceVpcIds, aws, this);
        var ready = trust.readyWith(api, args.propagationDelay(), args.iamPropagation());
        var functions = SnowflakeFunctions.create(name, args.database(), args.schema(), catalog,
                args.grantDatabaseAndSchemaUsage(), trust, api, ready, this);
        var monitoring = Monitoring.create(name, stackName, catalog, args.monitoring(),
                args.scoring().deadlineMillis(), lambda, aws, this);

        this.invokeUrl = api.stage().invokeUrl();
        this.roleArn = trust.role().arn();
        this.integrationName = trust.integration().name();
        this.functionNames = functions.fullyQualifiedNames();
        this.sampleSql = Output.of(SnowflakeFunctions.sampleSql(args.database(), args.schema(), catalog));
        this.dashboardUrl = monitoring.dashboardUrl();
        registerOutputs(Map.of("invokeUrl", invokeUrl, "roleArn", roleArn, "integrationName", integrationName,
                "functionNames", functionNames, "sampleSql", sampleSql, "dashboardUrl", dashboardUrl));
    }

    public Output<String> invokeUrl() {
        return invokeUrl;
    }

    public Output<String> roleArn() {
        return roleArn;
    }

    public Output<String> integrationName() {
        return integrationName;
    }

    public Output<Map<String, String>> functionNames() {
        return functionNames;
    }

    public Output<Map<String, String>> sampleSql() {
        return sampleSql;
    }

    public Output<String> dashboardUrl() {
        return dashboardUrl;
    }
}
