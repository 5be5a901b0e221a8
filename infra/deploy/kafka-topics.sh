#!/bin/sh
# Creates Civic Pulse's topics on the three-broker cluster, once. Ratings are keyed by council, so one council's
# ratings stay in order in one partition; 48 partitions let up to 48 analytics-service instances share the work.
set -e
B=kafka-1:9092,kafka-2:9092,kafka-3:9092
until /opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server "$B" >/dev/null 2>&1; do sleep 2; done
for topic in civic-pulse.ratings.v1 civic-pulse.ratings.v1.dead-letter civic-pulse.contacts.v1; do
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$B" --create --if-not-exists --topic "$topic" \
    --partitions 48 --replication-factor 3 --config min.insync.replicas=2
done
