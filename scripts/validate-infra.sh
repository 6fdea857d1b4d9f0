#!/usr/bin/env bash
# Validates the infrastructure code: compiles infra/main.bicep, lints every .bicep file under infra/
# and checks that azure.yaml is valid YAML. Any Bicep warning or error fails the run.
#
# The Bicep CLI comes from the NuGet package Azure.Bicep.CommandLine.linux-x64 and is kept in
# .tools/bicep/ (gitignored), so a second run does not download anything.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

BICEP_VERSION=0.49.2
BICEP_PACKAGE=azure.bicep.commandline.linux-x64
tool_dir="$root/.tools/bicep"
bicep="$tool_dir/bicep"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Bicep checks for newer versions on some commands; nothing here should reach out for that.
export BICEP_TRACING_ENABLED=false

die() { echo "validate-infra: $*" >&2; exit 1; }

installed_version() {
  [ -x "$bicep" ] || return 1
  "$bicep" --version 2>/dev/null | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -n1
}

install_from_nupkg() { # url -> extracts tools/bicep into $tool_dir
  local tmp; tmp=$(mktemp -d)
  if curl -fsSL --retry 2 --max-time 300 -o "$tmp/bicep.nupkg" "$1" 2>"$tmp/curl.log" \
     && unzip -o -q "$tmp/bicep.nupkg" 'tools/bicep' -d "$tmp/pkg" 2>>"$tmp/curl.log"; then
    mkdir -p "$tool_dir" && mv -f "$tmp/pkg/tools/bicep" "$bicep" && chmod +x "$bicep"
    rm -rf "$tmp"; return 0
  fi
  rm -rf "$tmp"; return 1
}

install_with_dotnet_restore() { # PackageDownload through the configured NuGet sources
  command -v dotnet >/dev/null 2>&1 || return 1
  local tmp; tmp=$(mktemp -d)
  cat >"$tmp/bicep-download.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="Azure.Bicep.CommandLine.linux-x64" Version="[$BICEP_VERSION]" />
  </ItemGroup>
</Project>
EOF
  # An empty Directory.Build.props/Packages.props stops the repo's own settings from applying.
  echo '<Project />' >"$tmp/Directory.Build.props"
  echo '<Project />' >"$tmp/Directory.Packages.props"
  dotnet restore "$tmp/bicep-download.csproj" >"$tmp/restore.log" 2>&1 || { rm -rf "$tmp"; return 1; }
  local packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
  local found; found=$(find "$packages/$BICEP_PACKAGE/$BICEP_VERSION" -type f -name bicep 2>/dev/null | head -n1)
  rm -rf "$tmp"
  [ -n "$found" ] || return 1
  mkdir -p "$tool_dir" && cp -f "$found" "$bicep" && chmod +x "$bicep"
}

if [ "$(installed_version)" != "$BICEP_VERSION" ]; then
  echo "installing bicep $BICEP_VERSION into .tools/bicep/"
  url="https://api.nuget.org/v3-flatcontainer/$BICEP_PACKAGE/$BICEP_VERSION/$BICEP_PACKAGE.$BICEP_VERSION.nupkg"
  install_from_nupkg "$url" || install_with_dotnet_restore || die "could not install the Bicep CLI $BICEP_VERSION"
  [ "$(installed_version)" = "$BICEP_VERSION" ] || die "installed Bicep CLI does not report version $BICEP_VERSION"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

files=0 errors=0 warnings=0

# Counts Bicep diagnostics in a log. Bicep prints them as "path(line,col) : Level code: message".
check() { # label logfile exitcode
  local label=$1 log=$2 rc=$3 e w
  e=$(grep -cE '\) : Error ' "$log")
  w=$(grep -cE '\) : Warning ' "$log")
  if [ "$rc" -ne 0 ] && [ "$e" -eq 0 ]; then e=1; fi
  errors=$((errors + e)); warnings=$((warnings + w))
  if [ "$e" -eq 0 ] && [ "$w" -eq 0 ]; then
    echo "ok    $label"
  else
    echo "FAIL  $label ($e errors, $w warnings)"
    sed 's/^/      /' "$log"
  fi
}

# 1. Build the entry point (also type-checks every module it references).
"$bicep" build infra/main.bicep --outdir "$work" >"$work/build.log" 2>&1
check "infra/main.bicep (build)" "$work/build.log" $?
[ -s "$work/main.json" ] || { errors=$((errors + 1)); echo "FAIL  infra/main.bicep produced no ARM template"; }

# 2. Lint every Bicep file on its own.
while IFS= read -r file; do
  files=$((files + 1))
  "$bicep" lint "$file" >"$work/lint.log" 2>&1
  check "$file (lint)" "$work/lint.log" $?
done < <(find infra -name '*.bicep' -type f | sort)

# 3. JSON files under infra/ must parse.
while IFS= read -r file; do
  files=$((files + 1))
  if python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$file" 2>"$work/json.log"; then
    echo "ok    $file (json)"
  else
    errors=$((errors + 1)); echo "FAIL  $file (json)"; sed 's/^/      /' "$work/json.log"
  fi
done < <(find infra -name '*.json' -type f | sort)

# 4. azure.yaml must be YAML and name the api service.
yaml_check() {
  if python3 -c 'import yaml' 2>/dev/null; then
    python3 - "$1" <<'EOF'
import sys, yaml
doc = yaml.safe_load(open(sys.argv[1]))
assert isinstance(doc, dict), "top level is not a mapping"
api = (doc.get("services") or {}).get("api")
assert api, "services.api is missing"
for key, want in (("project", "./src/Escalation.Functions"), ("language", "dotnet"), ("host", "function")):
    assert api.get(key) == want, f"services.api.{key} should be {want!r}, is {api.get(key)!r}"
EOF
  elif command -v ruby >/dev/null 2>&1; then
    ruby -ryaml -e 'd = YAML.safe_load(File.read(ARGV[0])); raise "services.api is missing" unless d.is_a?(Hash) && d.dig("services", "api")' "$1"
  else
    # No YAML library: a structural check of the block-mapping subset azure.yaml uses.
    python3 - "$1" <<'EOF'
import re, sys
stack, seen_api = [-1], False
for n, raw in enumerate(open(sys.argv[1]), 1):
    line = raw.rstrip("\n")
    if not line.strip() or line.lstrip().startswith("#"):
        continue
    assert "\t" not in line[: len(line) - len(line.lstrip())], f"line {n}: tab in indentation"
    indent = len(line) - len(line.lstrip(" "))
    body = line.strip()
    assert re.match(r"^(- )?[A-Za-z0-9_.\-\"']+:( .*)?$", body) or body.startswith("- "), f"line {n}: not a key: value line"
    while indent < stack[-1]:
        stack.pop()
    assert indent == stack[-1] or indent > stack[-1], f"line {n}: bad indentation"
    if indent > stack[-1]:
        stack.append(indent)
    seen_api = seen_api or body == "api:"
assert seen_api, "services.api is missing"
EOF
  fi
}
files=$((files + 1))
if yaml_check azure.yaml >"$work/yaml.log" 2>&1; then
  echo "ok    azure.yaml (yaml)"
else
  errors=$((errors + 1)); echo "FAIL  azure.yaml (yaml)"; sed 's/^/      /' "$work/yaml.log"
fi

echo "infra: $files files, $errors errors, $warnings warnings"
[ "$errors" -eq 0 ] && [ "$warnings" -eq 0 ]
