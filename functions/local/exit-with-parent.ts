/**
 * Preloaded (`node --import`) into the Node processes the local stack starts: the parent holds this
 * process's standard input open, and the operating system closes it when the parent dies, however
 * it dies (SIGKILL included). Its end then stops this process as SIGTERM would, cleanup included.
 */
process.stdin.once('end', () => process.kill(process.pid, 'SIGTERM'));
process.stdin.once('error', () => process.kill(process.pid, 'SIGTERM'));
process.stdin.resume();
// Watching the parent must not by itself keep this process alive.
process.stdin.unref();
