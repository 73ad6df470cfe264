"""Runs moto's server for the opsdeck lab on a free loopback port.

Prints one JSON line with the port once it listens (or with "error" when
moto cannot be imported). Adds two lab-only routes:
  POST /_lab/ec2/instance-state {"region", "instanceId", "state"}
      moto moves instances straight to "running"; the lab needs transitional
      states (pending, stopping) to exercise adaptive refresh.
  POST /_lab/s3/objects {"bucket", "objects": {key: text}}
      seeds many small objects in one request; through the S3 API moto takes
      seconds for a thousand. Reading them back uses the real S3 API.
"""

import json
import sys

try:
    from werkzeug.serving import make_server
    from moto.moto_server.werkzeug_app import (
        DomainDispatcherApplication,
        create_backend_app,
    )
except ImportError as missing:
    print(json.dumps({"error": f"moto server is not installed for {sys.executable}: {missing}"}), flush=True)
    sys.exit(3)

STATE_CODES = {
    "pending": 0,
    "running": 16,
    "shutting-down": 32,
    "terminated": 48,
    "stopping": 64,
    "stopped": 80,
}


def set_instance_state(body):
    from moto.ec2.models import ec2_backends

    state = body["state"]
    if state not in STATE_CODES:
        raise ValueError(f"unknown state {state}")
    account = body.get("accountId", "123456789012")
    backend = ec2_backends[account][body["region"]]
    instance = backend.get_instance(body["instanceId"])
    instance._state.name = state
    instance._state.code = STATE_CODES[state]


def put_objects(body):
    from moto.s3.models import s3_backends

    account = body.get("accountId", "123456789012")
    backend = s3_backends[account]["aws"]
    for key, text in body["objects"].items():
        backend.put_object(body["bucket"], key, text.encode())


LAB_ROUTES = {
    "/_lab/ec2/instance-state": set_instance_state,
    "/_lab/s3/objects": put_objects,
}


def with_lab_routes(app):
    def lab_app(environ, start_response):
        route = LAB_ROUTES.get(environ.get("PATH_INFO"))
        if route is not None:
            try:
                length = int(environ.get("CONTENT_LENGTH") or 0)
                route(json.loads(environ["wsgi.input"].read(length)))
                start_response("204 No Content", [])
                return [b""]
            except Exception as error:  # the lab reports, never crashes
                start_response("400 Bad Request", [("Content-Type", "text/plain")])
                return [str(error).encode()]
        return app(environ, start_response)

    return lab_app


def main():
    host = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1"
    app = DomainDispatcherApplication(create_backend_app)
    server = make_server(host, 0, with_lab_routes(app), threaded=True)
    print(json.dumps({"port": server.server_port}), flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
