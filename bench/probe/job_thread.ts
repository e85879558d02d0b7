/**
 * The app's job thread (workers/job_thread.ts) with the commit probe
 * installed first. bench/fanout_server.ts starts this instead.
 */
import "./commit_log.ts";
import "../../workers/job_thread.ts";
