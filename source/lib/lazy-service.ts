/**
 * A service whose module loads on its first call, so start-up does not pay
 * for SDKs a session may never use. Every method of such a service is async.
 */
export function lazyService<Service extends object>(
  load: () => Promise<Service>,
): Service {
  let loaded: Promise<Service> | undefined;
  return new Proxy({} as Service, {
    get(_target, name) {
      if (typeof name !== 'string' || name === 'then') return undefined;
      return async (...args: unknown[]) => {
        loaded ??= load();
        const service = (await loaded) as Record<
          string,
          (...parameters: unknown[]) => unknown
        >;
        const method = service[name];
        if (typeof method !== 'function')
          throw new TypeError(`no method ${name}`);
        return method.apply(service, args);
      };
    },
  });
}
