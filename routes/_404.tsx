/** The page for anything that is not there (or is not yours to see). */
import { Layout, withDebug } from "../components/layout.tsx";

export function NotFoundPage(
  { what = "page", debug }: { what?: string; debug?: boolean },
) {
  return (
    <Layout title="Not found" debug={debug}>
      <h1>We can't find that {what}</h1>
      <p>
        It may have expired, or the link may be incomplete.{" "}
        <a href={withDebug("/", debug)}>Back to the start</a>
      </p>
    </Layout>
  );
}
