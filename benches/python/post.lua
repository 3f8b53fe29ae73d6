-- wrk script of the server row: POST the request body of benches/python/request.json.
local file = io.open(os.getenv("CAVRA_BENCH_BODY") or "benches/python/request.json", "r")
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"
