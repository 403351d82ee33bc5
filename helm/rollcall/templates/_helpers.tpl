{{/*
Names and labels. Component templates take a context (dict "root" $ "component" "api"|"indexer").
*/}}
{{- define "rollcall.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "rollcall.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* The name of a component's objects: <prefix>-api, <prefix>-indexer, with the prefix short
enough to leave room for "-management". */}}
{{- define "rollcall.componentPrefix" -}}
{{- include "rollcall.fullname" . | trunc 40 | trimSuffix "-" }}
{{- end }}

{{- define "rollcall.componentName" -}}
{{- printf "%s-%s" (include "rollcall.componentPrefix" .root) .component }}
{{- end }}

{{- define "rollcall.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/name: {{ include "rollcall.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: rollcall
{{- end }}

{{- define "rollcall.selectorLabels" -}}
app.kubernetes.io/name: {{ include "rollcall.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "rollcall.componentLabels" -}}
{{ include "rollcall.labels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "rollcall.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "rollcall.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* registry/repository, then @digest or :tag (default: the chart's appVersion). */}}
{{- define "rollcall.image" -}}
{{- $values := index .root.Values .component }}
{{- $image := .root.Values.image }}
{{- $repository := $values.image.repository }}
{{- if $image.registry }}
{{- $repository = printf "%s/%s" (trimSuffix "/" $image.registry) $repository }}
{{- end }}
{{- $digest := index $image (printf "%sDigest" .component) }}
{{- if $digest }}
{{- printf "%s@%s" $repository $digest }}
{{- else }}
{{- printf "%s:%s" $repository (default .root.Chart.AppVersion $image.tag) }}
{{- end }}
{{- end }}

{{/*
Secrets: the Secret the pods read (existingSecret, or the one this chart renders), whether the
chart renders one, and where each CA certificate comes from.
*/}}
{{- define "rollcall.secretName" -}}
{{- default (include "rollcall.fullname" .) .Values.secrets.existingSecret }}
{{- end }}

{{- define "rollcall.rendersSecret" -}}
{{- $s := .Values.secrets }}
{{- if and (not $s.existingSecret) (or $s.elasticsearchApiKey $s.elasticsearchPassword $s.redisPassword $s.elasticsearchCaCertificate $s.redisCaCertificate) }}true{{ end }}
{{- end }}

{{- define "rollcall.caSecretName" -}}
{{- default (include "rollcall.secretName" .root) .ca.secretName }}
{{- end }}

{{/* Refuses values that would deploy pods unable to connect, or secrets that would be ignored. */}}
{{- define "rollcall.validate" -}}
{{- $s := .Values.secrets }}
{{- $es := .Values.elasticsearch }}
{{- $redis := .Values.redis }}
{{- if and $s.existingSecret (or $s.elasticsearchApiKey $s.elasticsearchPassword $s.redisPassword $s.elasticsearchCaCertificate $s.redisCaCertificate) }}
{{- fail "secrets.existingSecret is set: leave the secret values (secrets.elasticsearchApiKey...) empty, they would be ignored" }}
{{- end }}
{{- if and (eq $es.auth "apiKey") (not $s.existingSecret) (not $s.elasticsearchApiKey) }}
{{- fail "elasticsearch.auth=apiKey needs secrets.existingSecret or secrets.elasticsearchApiKey" }}
{{- end }}
{{- if and (eq $es.auth "basic") (not $es.username) }}
{{- fail "elasticsearch.auth=basic needs elasticsearch.username" }}
{{- end }}
{{- if and (eq $es.auth "basic") (not $s.existingSecret) (not $s.elasticsearchPassword) }}
{{- fail "elasticsearch.auth=basic needs secrets.existingSecret or secrets.elasticsearchPassword" }}
{{- end }}
{{- if and (eq $redis.auth "password") (not $s.existingSecret) (not $s.redisPassword) }}
{{- fail "redis.auth=password needs secrets.existingSecret or secrets.redisPassword" }}
{{- end }}
{{- range $name, $ca := dict "elasticsearch" (list $es.tls.caCertificate $s.elasticsearchCaCertificate) "redis" (list $redis.tls.caCertificate $s.redisCaCertificate) }}
{{- $settings := index $ca 0 }}
{{- $pem := index $ca 1 }}
{{- if and $settings.enabled (not $settings.secretName) (not $s.existingSecret) (not $pem) }}
{{- fail (printf "%s.tls.caCertificate.enabled needs a secretName, secrets.existingSecret or the PEM in secrets.%sCaCertificate" $name $name) }}
{{- end }}
{{- if and $pem (not $settings.enabled) }}
{{- fail (printf "secrets.%sCaCertificate is set but %s.tls.caCertificate.enabled is false: it would be ignored" $name $name) }}
{{- end }}
{{- end }}
{{- end }}
