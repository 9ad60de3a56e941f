/** Injection token of the one PubSub engine (LISTEN/NOTIFY on a server, in-process on the embedded database). */
export const PUB_SUB = Symbol('PUB_SUB');
