package dev.stagesmith.server.checks.stages;

import java.util.Locale;
import java.util.Set;

/**
 * Docker Official Images: the bare names ({@code alpine}, {@code busybox}) that BuildKit resolves to
 * {@code docker.io/library/<name>} and that exist there. A bare {@code --from} or FROM value with one of
 * these names is a deliberate image reference, never a misspelt stage name.
 */
final class WellKnownImages {

    private WellKnownImages() {}

    private static final Set<String> NAMES = Set.of(
            // Operating systems and minimal bases.
            "scratch", "alpine", "busybox", "debian", "ubuntu", "centos", "fedora", "amazonlinux", "oraclelinux",
            "rockylinux", "almalinux", "archlinux", "photon", "clearlinux", "opensuse", "mageia", "alt", "cirros",
            "clefos", "sl", "euleros", "neurodebian", "buildpack-deps", "ubuntu-debootstrap",
            // Languages, runtimes and build tools.
            "node", "python", "golang", "rust", "ruby", "php", "perl", "openjdk", "java", "eclipse-temurin",
            "amazoncorretto", "ibm-semeru-runtimes", "ibmjava", "sapmachine", "maven", "gradle", "groovy", "erlang",
            "elixir", "haskell", "julia", "r-base", "swift", "dart", "gcc", "clojure", "mono", "haxe", "pypy",
            "jruby", "hylang", "rakudo-star", "swipl", "bash", "composer", "iojs", "rails", "django", "celery",
            // Infrastructure and servers.
            "docker", "registry", "notary", "nginx", "httpd", "tomcat", "tomee", "jetty", "caddy", "traefik",
            "haproxy", "varnish", "hitch", "unit", "kong", "krakend", "open-liberty", "websphere-liberty",
            "glassfish", "memcached", "redis", "postgres", "mysql", "mariadb", "percona", "mongo", "mongo-express",
            "cassandra", "couchdb", "couchbase", "neo4j", "elasticsearch", "kibana", "logstash", "influxdb",
            "telegraf", "chronograf", "kapacitor", "rabbitmq", "solr", "zookeeper", "nats", "nats-streaming",
            "eclipse-mosquitto", "emqx", "consul", "vault", "arangodb", "orientdb", "rethinkdb", "crate",
            "aerospike", "clickhouse", "flink", "spark", "storm", "fluentd", "liquibase", "sonarqube", "jenkins",
            "swarm", "api-firewall", "hello-world",
            // Applications.
            "wordpress", "drupal", "joomla", "ghost", "nextcloud", "owncloud", "redmine", "mediawiki", "matomo",
            "piwik", "phpmyadmin", "adminer", "bonita", "odoo", "rocket.chat", "silverpeas", "xwiki", "yourls",
            "znc", "irssi", "eggdrop", "friendica", "backdrop", "convertigo", "plone", "postfixadmin", "teamspeak",
            "satosa", "geonetwork", "monica", "jobber", "nuxeo", "sentry", "ros", "gazebo", "php-zendserver");

    static boolean contains(String bareName) {
        return NAMES.contains(bareName.toLowerCase(Locale.ROOT));
    }
}
