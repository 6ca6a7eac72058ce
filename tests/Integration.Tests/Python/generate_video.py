#!/usr/bin/python3
"""A service outside .NET using the platform through its public contract only (README, "From other languages").

Publishes one GenerateVideo, waits for the event that ends that request, then asks GetVideoTaskStatus with
MassTransit's request/response envelope. Prints each archived file path, then the status answer as one JSON line.
Exits 1 when the request was rejected, failed or canceled, or the broker refused something (reason on stderr),
3 on timeout. Needs Debian's python3-pika only (scripts/infra.sh installs it).

  generate_video.py --provider P --model M --prompt T --image URL [--request-id ID]
    [--host 127.0.0.1] [--port 5672] [--vhost /] [--user guest] [--password guest] [--timeout 120]
"""
import argparse
import json
import sys
import time
import urllib.parse
import uuid

import pika

CONTRACTS = "VideoPlatform.Contracts"
CONTENT_TYPE = "application/vnd.masstransit+json"
SUCCESS = "VideoArchived"
FAILURES = ["GenerateVideoRejected", "TaskFailed", "ArchiveFailed", "TaskCanceled"]


class Stop(Exception):
    def __init__(self, exit_code, reason):
        super().__init__(reason)
        self.exit_code = exit_code


def exchange_of(message_type):
    """MassTransit publishes each message type to a fanout exchange named Namespace:TypeName."""
    return f"{CONTRACTS}:{message_type}"


def urn_of(message_type):
    return f"urn:message:{CONTRACTS}:{message_type}"


def envelope(message_type, message, **fields):
    return {"messageId": str(uuid.uuid4()), "messageType": [urn_of(message_type)], "message": message, **fields}


def publish(channel, message_type, body):
    # mandatory + publisher confirms: a message that no queue receives is an error here, not a silent loss.
    properties = pika.BasicProperties(content_type=CONTENT_TYPE, delivery_mode=2, message_id=body["messageId"])
    try:
        channel.basic_publish(exchange_of(message_type), "", json.dumps(body).encode(), properties, mandatory=True)
    except (pika.exceptions.UnroutableError, pika.exceptions.ChannelClosedByBroker) as error:
        raise Stop(1, f"nobody receives {message_type} on exchange '{exchange_of(message_type)}'"
                      f" (is the platform running in this virtual host?): {error!r}")


def open_inbox(channel):
    """One queue of our own for the events and the status answer, gone when we disconnect."""
    inbox = f"python-publisher-{uuid.uuid4().hex}"
    channel.queue_declare(inbox, exclusive=True, auto_delete=True)
    # MassTransit sends a response to the exchange its responseAddress names (temporary: neither durable nor kept),
    # never straight to a queue: give our queue that exchange.
    channel.exchange_declare(inbox, "fanout", durable=False, auto_delete=True)
    channel.queue_bind(inbox, inbox)
    for event in [SUCCESS, *FAILURES]:
        # Declared as MassTransit declares them, so the binding holds even before the platform first publishes one.
        channel.exchange_declare(exchange_of(event), "fanout", durable=True)
        channel.queue_bind(inbox, exchange_of(event))
    return inbox


def response_address(args, inbox):
    vhost = "" if args.vhost == "/" else urllib.parse.quote(args.vhost, safe="") + "/"
    return f"rabbitmq://{args.host}:{args.port}/{vhost}{inbox}?temporary=true"


def next_matching(channel, inbox, deadline, matches, waiting_for):
    # The same arguments each call, so pika resumes one consumer instead of starting another.
    for _, _, body in channel.consume(inbox, auto_ack=True, inactivity_timeout=0.5):
        if body is not None:
            received = json.loads(body)
            if matches(received):
                return received
        if time.monotonic() >= deadline:
            raise Stop(3, f"timed out waiting for {waiting_for}")


def is_type(received, message_type):
    return urn_of(message_type) in received.get("messageType", [])


def wait_until_archived(channel, inbox, request_id, deadline):
    def about_this_request(received):
        return str(received.get("message", {}).get("requestId", "")).lower() == request_id

    received = next_matching(channel, inbox, deadline, about_this_request, f"the outcome of request {request_id}")
    event = received["message"]
    if is_type(received, SUCCESS):
        return event
    failure = next((name for name in FAILURES if is_type(received, name)), "an unknown event")
    reason = event.get("reason") or event.get("note") or json.dumps(event)
    code = f" [{event['reasonCode']}]" if event.get("reasonCode") else ""
    raise Stop(1, f"{failure}{code}: {reason}")


def ask_status(channel, inbox, args, deadline):
    # MassTransit's request/response: the responder copies the envelope's requestId into its answer and sends the
    # answer to responseAddress. GetVideoTaskStatus is published like any message; the poller's queue is bound to it.
    asked = str(uuid.uuid4())
    publish(channel, "GetVideoTaskStatus", envelope(
        "GetVideoTaskStatus", {"requestId": args.request_id},
        requestId=asked, responseAddress=response_address(args, inbox)))
    answer = next_matching(channel, inbox, deadline,
                           lambda received: str(received.get("requestId", "")).lower() == asked and is_type(received, "VideoTaskStatus"),
                           "the VideoTaskStatus answer")
    return answer["message"]


def run(args):
    credentials = pika.PlainCredentials(args.user, args.password)
    connection = pika.BlockingConnection(pika.ConnectionParameters(args.host, args.port, args.vhost, credentials))
    try:
        channel = connection.channel()
        channel.confirm_delivery()
        inbox = open_inbox(channel)
        deadline = time.monotonic() + args.timeout
        publish(channel, "GenerateVideo", envelope("GenerateVideo", {
            "requestId": args.request_id, "provider": args.provider, "model": args.model,
            "options": {"prompt": args.prompt, "image": args.image}}))
        archived = wait_until_archived(channel, inbox, args.request_id, deadline)
        status = ask_status(channel, inbox, args, deadline)
    finally:
        if connection.is_open:
            connection.close()
    for video in archived["videos"]:
        print(video["path"])
    print(json.dumps(status))


def parse_arguments():
    parser = argparse.ArgumentParser(description="Publish GenerateVideo, wait until archived, ask its status.")
    parser.add_argument("--request-id", default=str(uuid.uuid4()), type=lambda value: str(uuid.UUID(value)))
    parser.add_argument("--provider", required=True)
    parser.add_argument("--model", required=True)
    parser.add_argument("--prompt", required=True)
    parser.add_argument("--image", required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", default=5672, type=int)
    parser.add_argument("--vhost", default="/")
    parser.add_argument("--user", default="guest")
    parser.add_argument("--password", default="guest")
    parser.add_argument("--timeout", default=120, type=float, help="seconds for the whole run")
    return parser.parse_args()


def main():
    try:
        run(parse_arguments())
    except Stop as stop:
        print(f"error: {stop}", file=sys.stderr)
        return stop.exit_code
    except pika.exceptions.AMQPError as error:
        print(f"error: the broker refused: {error!r}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
