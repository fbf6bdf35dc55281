"""A seed-like Lambda handler: the manual setup's approach, as the peer of SideBySideBenchmark.

It parses the API Gateway proxy event, joins every row's features into one CSV body, calls InvokeEndpoint once
through boto3, and answers Snowflake with one value per row. No chunking, no limits, no error mapping: the
simplest handler that answers the same batch, which is what the Java handler's time is compared with.

Run as a script, it times the handler on an event file after a warm-up and prints one line of JSON:
    python3 seed_handler.py EVENT_FILE ENDPOINT WARMUP ITERATIONS
with the SDK pointed at the model server by AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME.
"""
import json
import os
import sys
import time

import boto3

# Debian's boto3 (1.26) predates the service-specific endpoint variables, so the override is passed on.
runtime = boto3.client("sagemaker-runtime", endpoint_url=os.environ.get("AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME"))


def lambda_handler(event, context, endpoint):
    rows = json.loads(event["body"])["data"]
    payload = "\n".join(",".join(str(value) for value in row[1]) for row in rows) + "\n"
    response = runtime.invoke_endpoint(EndpointName=endpoint, ContentType="text/csv", Accept="text/csv",
                                       Body=payload.encode("utf-8"))
    scores = response["Body"].read().decode("utf-8").splitlines()
    return {"statusCode": 200,
            "body": json.dumps({"data": [[row[0], float(score)] for row, score in zip(rows, scores)]})}


def main():
    event_file, endpoint, warmup, iterations = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    with open(event_file, "rb") as f:
        event = json.loads(f.read())
    for _ in range(warmup):
        lambda_handler(event, None, endpoint)
    millis = []
    for _ in range(iterations):
        start = time.perf_counter()
        answer = lambda_handler(event, None, endpoint)
        millis.append((time.perf_counter() - start) * 1000)
        if answer["statusCode"] != 200:
            raise SystemExit("the batch failed")
    print(json.dumps({"python": sys.version.split()[0], "boto3": boto3.__version__, "millis": millis}))


if __name__ == "__main__":
    main()
