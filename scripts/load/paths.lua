-- wrk script: each request GETs a random line of the file named by LOAD_PATHS (paths such as
-- /sok?q=trygghetslarm; a path given on several lines is asked for more often). When wrk ends,
-- it prints one machine-readable line that run.sh turns into a table row:
-- RESULT requests duration_us p50_us p99_us status_errors connect read write timeout

local paths = {}

local function load_paths()
  local file = assert(io.open(assert(os.getenv("LOAD_PATHS"), "LOAD_PATHS is not set"), "r"))
  for line in file:lines() do
    if line ~= "" then
      paths[#paths + 1] = line
    end
  end
  file:close()
  assert(#paths > 0, "LOAD_PATHS names an empty file")
end

local next_id = 0

function setup(thread)
  next_id = next_id + 1
  thread:set("id", next_id)
end

function init(args)
  load_paths()
  -- Threads start within the same second; the id keeps their sequences apart.
  math.randomseed(os.time() * 100 + (id or 0))
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d %d %d %d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.status, e.connect, e.read, e.write, e.timeout))
end
