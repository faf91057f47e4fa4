#!/bin/sh
# envoyproxy/envoy stand-in entrypoint: like the real image, run the given command (kind passes
# `bash -c "… while true; do envoy -c …; done"`), or envoy itself when none is given.
[ $# -gt 0 ] || set -- envoy -c /etc/envoy/envoy.yaml
exec "$@"
