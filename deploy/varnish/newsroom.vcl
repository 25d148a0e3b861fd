# Varnish in front of newsroom: caches anonymous GETs of the API as the service's Cache-Control allows, files each
# answer under the service's Surrogate-Key (through the xkey vmod of varnish-modules), and drops exactly the answers
# a change makes stale when the service sends a key purge (newsroom.cdn.purge-url=http://<varnish>/).
#   varnishd -a :6081 -f newsroom.vcl -s malloc,256m
# The backend below is the docker compose service `app`; point it at your instances (or a director over them).
vcl 4.1;

import std;
import xkey;

backend newsroom {
    .host = "app";
    .port = "8080";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .probe = {
        .url = "/q/health/ready";
        .interval = 5s;
        .timeout = 2s;
        .window = 5;
        .threshold = 3;
    }
}

# Who may purge: the service's instances (loopback, and the private networks a compose or cluster network uses)
acl purgers {
    "localhost";
    "127.0.0.1";
    "::1";
    "10.0.0.0"/8;
    "172.16.0.0"/12;
    "192.168.0.0"/16;
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "Send the keys to purge, space-separated, in xkey-purge"));
        }
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.n-gone + " objects"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # an answer to a key (drafts for editors, partners' limits) is the caller's own: never shared
    if (req.http.Authorization) {
        return (pass);
    }
    if (req.url !~ "^/api/v1/") {
        return (pass);
    }
    unset req.http.Cookie;
    # articles vary on Accept only as JSON or ninjs: two variants, whatever browsers send
    if (req.http.Accept ~ "application/ninjs\+json") {
        set req.http.Accept = "application/ninjs+json";
    } else {
        unset req.http.Accept;
    }
    # while the service is healthy, a stale copy is served only during a background refetch (stale-while-revalidate);
    # while it is down, for as long as its stale-if-error allows (beresp.grace below)
    if (std.healthy(req.backend_hint)) {
        set req.grace = 30s;
    }
    return (hash);
}

sub vcl_backend_response {
    # errors are not kept: an article created a second after its 404 must be there
    if (beresp.status >= 400) {
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    if (beresp.http.Cache-Control ~ "stale-if-error=[0-9]+") {
        set beresp.grace = std.duration(regsub(beresp.http.Cache-Control, ".*stale-if-error=([0-9]+).*", "\1") + "s",
                beresp.grace);
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # the keys are for this cache; clients and other caches have no use for them
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
}
