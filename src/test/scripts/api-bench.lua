-- wrk script of src/test/scripts/api-bench.sh (and keycloak-bench.sh): one request per
-- line of a scenario file ("<bearer token>\t<JSON body>"; the floor and keycloak
-- scenarios send a GET and need only the token), in turn; an answer counts as failed
-- unless it is HTTP 200 with the scenario's mark in its body.
-- Arguments (after --): scenario name, scenario file.

local records = {}
-- wrk asks each thread for one request it never sends before the first one it sends:
-- that one is number -1, so that no writer's first revision is skipped
local counter = -1
failures = 0

local marks = {
  floor = '"signInEmail"',
  typename = '"__typename"',
  me = '"signInEmail"',
  partner = '"signInEmail"',
  support = '"edges":[{',
  update = '"errors":[]',
  keycloak = '"username"',
}

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  scenario = args[1]
  for line in io.lines(args[2]) do
    local token, body = line:match("^([^\t]*)\t(.*)$")
    if line ~= "" then
      records[#records + 1] = { token or line, body }
    end
  end
  kind = scenario:match("^(%a+)")
  mark = marks[kind]
end

function request()
  local index = counter % #records
  -- each writer is written once per pass over the file, always after its previous
  -- write was answered (thousands of requests later), so its revision is 1 + passes
  local pass = math.floor(counter / #records)
  counter = counter + 1
  local record = records[index + 1]
  local headers = { ["Authorization"] = "Bearer " .. record[1] }
  if kind == "floor" then
    return wrk.format("GET", "/bench/floor", headers)
  end
  if kind == "keycloak" then
    headers["Accept"] = "application/json"
    return wrk.format("GET", "/realms/bench/account", headers)
  end
  headers["Content-Type"] = "application/json"
  local body = record[2]
  if kind == "update" then
    body = (body:gsub("%%REV%%", tostring(pass + 1)):gsub("%%N%%", tostring(counter)))
  end
  return wrk.format("POST", "/graphql", headers, body)
end

function response(status, headers, body)
  if status ~= 200 or not body:find(mark, 1, true) then
    failures = failures + 1
    if failures == 1 then
      io.stderr:write(scenario .. ": first failed answer: HTTP " .. status .. " " .. body:sub(1, 300) .. "\n")
    end
  end
end

function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("failures")
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT req_s=%.0f p50_ms=%.2f p99_ms=%.2f requests=%d failed=%d socket_errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, failed, errors))
end
