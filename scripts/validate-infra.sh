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

die() { echo "validate-infra: $*" >&2; exit 1; }

installed_version() { # what the binary reports; slow-ish, so only right after an install
  [ -x "$bicep" ] || return 1
  "$bicep" --version 2>/dev/null | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -n1
}
stamp="$tool_dir/VERSION"

extract_bicep() { # nupkg dir -> dir/tools/bicep (a .nupkg is a zip file)
  if command -v unzip >/dev/null 2>&1; then
    unzip -o -q "$1" 'tools/bicep' -d "$2"
  else
    python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extract("tools/bicep", sys.argv[2])' "$1" "$2"
  fi
}

install_from_nupkg() { # url -> extracts tools/bicep into $tool_dir
  local tmp; tmp=$(mktemp -d)
  if curl -fsSL --retry 2 --max-time 300 -o "$tmp/bicep.nupkg" "$1" 2>"$tmp/curl.log" \
     && extract_bicep "$tmp/bicep.nupkg" "$tmp/pkg" 2>>"$tmp/curl.log"; then
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

if [ ! -x "$bicep" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$BICEP_VERSION" ]; then
  echo "installing bicep $BICEP_VERSION into .tools/bicep/"
  rm -f "$stamp"
  url="https://api.nuget.org/v3-flatcontainer/$BICEP_PACKAGE/$BICEP_VERSION/$BICEP_PACKAGE.$BICEP_VERSION.nupkg"
  install_from_nupkg "$url" || install_with_dotnet_restore || die "could not install the Bicep CLI $BICEP_VERSION"
  [ "$(installed_version)" = "$BICEP_VERSION" ] || die "installed Bicep CLI does not report version $BICEP_VERSION"
  echo "$BICEP_VERSION" >"$stamp"
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

# 2. Lint every Bicep file (one bicep process; its diagnostics name the file they belong to).
"$bicep" lint --pattern 'infra/**/*.bicep' >"$work/lint-all.log" 2>&1
lint_rc=$?
attributed=0
while IFS= read -r file; do
  files=$((files + 1))
  grep -F "$root/$file(" "$work/lint-all.log" | sort -u >"$work/lint.log"
  attributed=$((attributed + $(wc -l <"$work/lint.log")))
  check "$file (lint)" "$work/lint.log" 0
done < <(find infra -name '*.bicep' -type f | sort)
# Anything bicep said that names no file above, or a failure without a diagnostic, is an error.
if [ "$lint_rc" -ne 0 ] || [ "$(grep -E ' : (Error|Warning) ' "$work/lint-all.log" | sort -u | wc -l)" -ne "$attributed" ]; then
  errors=$((errors + 1)); echo "FAIL  bicep lint (exit $lint_rc)"; sed 's/^/      /' "$work/lint-all.log"
fi

# 3. JSON files must parse; main.parameters.json may only set parameters main.bicep declares.
json_check() { # file
  python3 - "$1" "$work/main.json" <<'EOF'
import json, os, sys
doc = json.load(open(sys.argv[1]))
if os.path.basename(sys.argv[1]) == "main.parameters.json" and os.path.exists(sys.argv[2]):
    declared = set(json.load(open(sys.argv[2])).get("parameters", {}))
    unknown = sorted(set(doc.get("parameters", {})) - declared)
    assert not unknown, f"parameters not declared in main.bicep: {', '.join(unknown)}"
EOF
}
while IFS= read -r file; do
  files=$((files + 1))
  if json_check "$file" >"$work/json.log" 2>&1; then
    echo "ok    $file (json)"
  else
    errors=$((errors + 1)); echo "FAIL  $file (json)"; sed 's/^/      /' "$work/json.log"
  fi
done < <(find infra -name '*.json' -type f | sort; ls host.json local.settings.example.json 2>/dev/null)

# 3b. What the template grants and keeps, read from the compiled ARM template: the traces stay
# immutable by default and the app's identity cannot delete them.
policy_check() {
  python3 - "$work/main.json" <<'EOF'
import json, sys
doc = json.load(open(sys.argv[1]))
text = json.dumps(doc)
owner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b"          # Storage Blob Data Owner
assert owner not in text, "a role assignment grants Storage Blob Data Owner (it can delete trace versions)"
days = doc["parameters"]["traceRetentionDays"].get("defaultValue", 0)
assert isinstance(days, int) and days > 0, f"traceRetentionDays defaults to {days}: traces get no immutability policy"
assert "Microsoft.DurableTask/schedulers" not in text, "a Durable Task Scheduler is declared but the app cannot use it"
def assignments(node):
    if isinstance(node, dict):
        if node.get("type") == "Microsoft.Authorization/roleAssignments":
            yield node
        for v in node.values(): yield from assignments(v)
    elif isinstance(node, list):
        for v in node: yield from assignments(v)
contributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe"   # Storage Blob Data Contributor
app_blob = [a for a in assignments(doc)
            if any(k in json.dumps(a.get("properties", {}).get("roleDefinitionId", "")) for k in (contributor, "storageBlobDataContributor"))
            and "ServicePrincipal" in json.dumps(a.get("properties", {}).get("principalType", ""))]
assert app_blob, "the app's identity has no Blob Data Contributor assignment"
for a in app_blob:
    cond = json.dumps(a["properties"].get("condition", ""))
    assert "blobs/delete" in cond and "traces" in cond, "the app's Blob Data Contributor assignment may delete traces (no condition)"
EOF
}
files=$((files + 1))
if policy_check >"$work/policy.log" 2>&1; then
  echo "ok    infra/main.bicep (trace immutability and the app's roles)"
else
  errors=$((errors + 1)); echo "FAIL  infra/main.bicep (trace immutability and the app's roles)"; sed 's/^/      /' "$work/policy.log"
fi

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
    # No YAML library: a structural check of the block-style subset azure.yaml uses
    # (mappings, "- " sequences, block scalars, comments).
    python3 - "$1" <<'EOF'
import re, sys
levels, expect_child, block_at, seen_api = [0], False, None, False
key = re.compile(r"""^("[^"]*"|'[^']*'|[A-Za-z0-9_.$/-]+):(\s+(.*))?$""")
for n, raw in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    line = raw.rstrip("\r\n")
    if not line.strip():
        continue
    lead = line[: len(line) - len(line.lstrip())]
    assert "\t" not in lead, f"line {n}: tab in indentation"
    indent, body = len(lead), line.strip()
    if block_at is not None:
        if indent > block_at:
            continue                      # inside a | or > block scalar
        block_at = None
    if body.startswith("#"):
        continue
    if expect_child:
        if indent > levels[-1]:
            levels.append(indent)
        elif not (indent == levels[-1] and body.startswith("- ")):
            raise AssertionError(f"line {n}: expected an indented block")
    else:
        while indent < levels[-1]:
            levels.pop()
        assert indent == levels[-1], f"line {n}: indentation matches no enclosing level"
    item = body
    if body.startswith("- "):
        item = body[2:].strip()
        levels.append(indent + 2)
    m = key.match(item)
    if m:
        value = (m.group(3) or "").split(" #")[0].strip()
        expect_child = value == ""
        if value in ("|", ">", "|-", ">-", "|+", ">+"):
            expect_child, block_at = False, indent
        seen_api = seen_api or (indent == 2 and m.group(1) == "api" and levels[:2] == [0, 2])
    else:
        assert body.startswith("- "), f"line {n}: neither 'key: value' nor a sequence item"
        expect_child = False
assert not expect_child, "file ends where a block was expected"
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
