package dev.bulkhead.network;

import dev.bulkhead.naming.AwsTags;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.FlowLog;
import com.pulumi.aws.ec2.FlowLogArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.bulkhead.naming.Names;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * VPC flow logs (accepted and rejected traffic) to a CloudWatch log group with the spec's retention, delivered
 * by a role that may write to that log group and nothing else.
 */
final class FlowLogs {

    static final String SERVICE = "vpc-flow-logs.amazonaws.com";

    private FlowLogs() {
    }

    static FlowLog create(Resource parent, String name, String stack, Output<String> vpcId, int retentionDays) {
        String prefix = Names.stackPrefix(stack);
        var logGroup = new LogGroup(Names.logical(name, "flow-logs"), LogGroupArgs.builder()
                .name("/aws/vpc/flow-logs/" + prefix)
                .retentionInDays(retentionDays)
                .tags(AwsTags.of(stack, prefix + "-flow-logs"))
                .build(), CustomResourceOptions.builder().parent(parent).build());
        Output<String> account = AwsLookups.accountId(parent);
        var role = new Role(Names.logical(name, "flow-logs"), RoleArgs.builder()
                .name(Names.iamRole(stack, "vpc-flow-logs"))
                .assumeRolePolicy(account.applyValue(FlowLogs::trustPolicy))
                .tags(AwsTags.of(stack, Names.iamRole(stack, "vpc-flow-logs")))
                .build(), CustomResourceOptions.builder().parent(parent).build());
        new RolePolicy(Names.logical(name, "flow-logs"), RolePolicyArgs.builder()
                .role(role.name())
                .name("write-flow-logs")
                .policy(logGroup.arn().applyValue(FlowLogs::writePolicy))
                .build(), CustomResourceOptions.builder().parent(parent).build());
        return new FlowLog(Names.logical(name, "flow-logs"), FlowLogArgs.builder()
                .vpcId(vpcId)
                .trafficType("ALL")
                .logDestinationType("cloud-watch-logs")
                .logDestination(logGroup.arn())
                .iamRoleArn(role.arn())
                .maxAggregationInterval(60)
                .tags(AwsTags.of(stack, prefix + "-flow-logs"))
                .build(), CustomResourceOptions.builder().parent(parent).build());
    }

    /** Only the flow-logs service, and only on behalf of this account (no confused deputy). */
    static String trustPolicy(String account) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("Service", SERVICE));
        statement.put("Action", "sts:AssumeRole");
        statement.put("Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", account)));
        return Json.write(document(List.of(statement)));
    }

    /**
     * Write to the one log group. Delivery also looks the group up, and DescribeLogGroups cannot be narrowed
     * to one group, so it gets the account's log groups in this region, read-only.
     */
    static String writePolicy(String logGroupArn) {
        Map<String, Object> write = new LinkedHashMap<>();
        write.put("Sid", "WriteFlowLogs");
        write.put("Effect", "Allow");
        write.put("Action", List.of("logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"));
        write.put("Resource", List.of(logGroupArn, logGroupArn + ":*"));
        Map<String, Object> describe = new LinkedHashMap<>();
        describe.put("Sid", "FindLogGroup");
        describe.put("Effect", "Allow");
        describe.put("Action", "logs:DescribeLogGroups");
        describe.put("Resource", logGroupArn.substring(0, logGroupArn.indexOf(":log-group:")) + ":log-group:*");
        return Json.write(document(List.of(write, describe)));
    }

    private static Map<String, Object> document(List<Map<String, Object>> statements) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", statements);
        return document;
    }
}
