import { useCallback, useState } from 'react';

export interface ChecklistRequest {
  readonly title: string;
  readonly items: readonly string[];
  readonly resolve: (checked: string[] | undefined) => void;
}

/** A checklist the view shows in place of its table until it is answered. */
export function useMysqlChecklist(): {
  readonly request: ChecklistRequest | undefined;
  readonly choose: (
    title: string,
    items: readonly string[],
  ) => Promise<string[] | undefined>;
} {
  const [request, setRequest] = useState<ChecklistRequest | undefined>();
  const choose = useCallback(
    (title: string, items: readonly string[]) =>
      new Promise<string[] | undefined>((resolve) =>
        setRequest({
          title,
          items,
          resolve: (checked) => (setRequest(undefined), resolve(checked)),
        }),
      ),
    [],
  );
  return { request, choose };
}
