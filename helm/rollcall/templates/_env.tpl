{{/*
The environment of a component's container: Spring Boot binds ROLLCALL_ELASTICSEARCH_URL to
rollcall.elasticsearch.url and so on (relaxed binding). Secrets are only ever referenced.
Context: (dict "root" $ "component" "api"|"indexer").
*/}}
{{- define "rollcall.env" -}}
{{- $root := .root }}
{{- $values := index $root.Values .component }}
{{- $es := $root.Values.elasticsearch }}
{{- $redis := $root.Values.redis }}
{{- $secret := include "rollcall.secretName" $root }}
{{- $keys := $root.Values.secrets.keys }}
# The applications bind to 127.0.0.1 unless told otherwise; in a pod the probes, Prometheus and
# (for the api) the Service reach them on the pod's address.
- name: SERVER_ADDRESS
  value: 0.0.0.0
{{- if hasKey $values.ports "http" }}
- name: SERVER_PORT
  value: {{ $values.ports.http | quote }}
- name: MANAGEMENT_SERVER_PORT
  value: {{ $values.ports.management | quote }}
- name: MANAGEMENT_SERVER_ADDRESS
  value: 0.0.0.0
{{- else }}
# No public port: the server carries actuator only.
- name: SERVER_PORT
  value: {{ $values.ports.management | quote }}
{{- end }}
- name: ROLLCALL_ELASTICSEARCH_URL
  value: {{ $es.url | quote }}
- name: ROLLCALL_ELASTICSEARCH_INDEX_PREFIX
  value: {{ $es.indexPrefix | quote }}
{{- if eq $es.auth "apiKey" }}
- name: ROLLCALL_ELASTICSEARCH_API_KEY
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ $keys.elasticsearchApiKey }}
{{- else if eq $es.auth "basic" }}
- name: ROLLCALL_ELASTICSEARCH_USERNAME
  value: {{ $es.username | quote }}
- name: ROLLCALL_ELASTICSEARCH_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ $keys.elasticsearchPassword }}
{{- end }}
{{- if $es.tls.caCertificate.enabled }}
- name: ROLLCALL_ELASTICSEARCH_CA_CERTIFICATE
  value: file:/etc/rollcall/tls/elasticsearch-ca.crt
{{- end }}
{{- with $es.connectTimeout }}
- name: ROLLCALL_ELASTICSEARCH_CONNECT_TIMEOUT
  value: {{ . | quote }}
{{- end }}
{{- with $es.socketTimeout }}
- name: ROLLCALL_ELASTICSEARCH_SOCKET_TIMEOUT
  value: {{ . | quote }}
{{- end }}
- name: ROLLCALL_REDIS_URL
  value: {{ $redis.url | quote }}
- name: ROLLCALL_REDIS_KEY_PREFIX
  value: {{ $redis.keyPrefix | quote }}
{{- with $redis.username }}
- name: ROLLCALL_REDIS_USERNAME
  value: {{ . | quote }}
{{- end }}
{{- if eq $redis.auth "password" }}
- name: ROLLCALL_REDIS_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ $keys.redisPassword }}
{{- end }}
{{- if $redis.tls.caCertificate.enabled }}
- name: ROLLCALL_REDIS_CA_CERTIFICATE
  value: file:/etc/rollcall/tls/redis-ca.crt
{{- end }}
{{- with $redis.commandTimeout }}
- name: ROLLCALL_REDIS_COMMAND_TIMEOUT
  value: {{ . | quote }}
{{- end }}
{{- include "rollcall.env.observability" $root }}
{{- include (printf "rollcall.env.%s" .component) $root }}
{{- with $values.javaToolOptions }}
- name: JAVA_TOOL_OPTIONS
  value: {{ . | quote }}
{{- end }}
{{- with $values.env }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* Logs, traces and metric labels, the same for both applications. */}}
{{- define "rollcall.env.observability" -}}
{{- $observability := .Values.observability }}
{{- if $observability.jsonLogs }}
- name: LOGGING_STRUCTURED_FORMAT_CONSOLE
  value: ecs
{{- end }}
- name: MANAGEMENT_TRACING_SAMPLING_PROBABILITY
  value: {{ $observability.tracing.samplingProbability | quote }}
{{- with $observability.tracing.otlpEndpoint }}
- name: MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT
  value: {{ . | quote }}
{{- end }}
{{- with $observability.taggedTenants }}
- name: ROLLCALL_OBSERVABILITY_TAGGED_TENANTS
  value: {{ join "," . | quote }}
{{- end }}
{{- end }}

{{/* The api's own settings: token checks, and rate-limit plans with any other config as JSON. */}}
{{- define "rollcall.env.api" -}}
{{- $security := .Values.api.security }}
- name: ROLLCALL_SECURITY_ISSUER_URI
  value: {{ $security.issuerUri | quote }}
- name: ROLLCALL_SECURITY_AUDIENCE
  value: {{ $security.audience | quote }}
{{- with $security.clockSkew }}
- name: ROLLCALL_SECURITY_CLOCK_SKEW
  value: {{ . | quote }}
{{- end }}
- name: ROLLCALL_SECURITY_CLAIMS_TENANT
  value: {{ $security.claims.tenant | quote }}
- name: ROLLCALL_SECURITY_CLAIMS_ROLE
  value: {{ $security.claims.role | quote }}
- name: ROLLCALL_SECURITY_CLAIMS_TEAMS
  value: {{ $security.claims.teams | quote }}
- name: ROLLCALL_SECURITY_CLAIMS_CLIENT
  value: {{ $security.claims.client | quote }}
- name: ROLLCALL_SECURITY_INTROSPECTION_ENABLED
  value: {{ $security.introspectionEnabled | quote }}
{{- with $security.corsAllowedOrigins }}
- name: ROLLCALL_SECURITY_CORS_ALLOWED_ORIGINS
  value: {{ join "," . | quote }}
{{- end }}
{{- with .Values.api.page }}
- name: ROLLCALL_PAGE_ENABLED
  value: {{ .enabled | quote }}
{{- if .enabled }}
- name: ROLLCALL_PAGE_CLIENT_ID
  value: {{ .clientId | quote }}
- name: ROLLCALL_PAGE_PROGRAM_ID
  value: {{ .programId | quote }}
{{- end }}
{{- end }}
{{- with .Values.api.ingest.replicaAcknowledgement }}
{{- if gt (int .replicas) 0 }}
- name: ROLLCALL_INGEST_REPLICA_ACKNOWLEDGEMENT_REPLICAS
  value: {{ .replicas | quote }}
- name: ROLLCALL_INGEST_REPLICA_ACKNOWLEDGEMENT_TIMEOUT
  value: {{ .timeout | quote }}
{{- end }}
{{- end }}
{{- $config := deepCopy .Values.api.config }}
{{- with .Values.api.rateLimits }}
{{- $config = mustMergeOverwrite $config (dict "rollcall" (dict "limits" .)) }}
{{- end }}
{{- include "rollcall.env.json" $config }}
{{- end }}

{{/* The indexer's own settings: the shape of the indices it creates, and any other config. */}}
{{- define "rollcall.env.indexer" -}}
{{- $index := .Values.elasticsearch.index }}
- name: ROLLCALL_INDEX_SHARDS
  value: {{ $index.shards | quote }}
- name: ROLLCALL_INDEX_REPLICAS
  value: {{ $index.replicas | quote }}
{{- include "rollcall.env.json" (deepCopy .Values.indexer.config) }}
{{- end }}

{{/* A configuration tree as SPRING_APPLICATION_JSON (nothing when it is empty). */}}
{{- define "rollcall.env.json" -}}
{{- if . }}
- name: SPRING_APPLICATION_JSON
  value: {{ toJson . | quote }}
{{- end }}
{{- end }}
