/** The page for anything that is not there (or is not yours to see). */
import { Layout, withDebug } from "../components/layout.tsx";

export type NotFoundProps = {
  what?: string;
  /** Why it may be missing; "It may have expired" unless said. */
  why?: string;
  debug?: boolean;
  /** False on pages strangers open (see Layout). */
  nav?: boolean;
};

export function NotFoundPage(
  { what = "page", why = "It may have expired", debug, nav }: NotFoundProps,
) {
  return (
    <Layout title="Not found" debug={debug} nav={nav}>
      <h1>We can't find that {what}</h1>
      <p>
        {why}, or the link may be incomplete.{" "}
        <a href={withDebug("/", debug)}>Back to the start</a>
      </p>
    </Layout>
  );
}
