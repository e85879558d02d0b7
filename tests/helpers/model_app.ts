/**
 * The whole app with the model path on: the real `openai` SDK streaming
 * from a scripted OpenAI-compatible server on loopback, the built-in
 * stylist behind it as in production. `await using app = await
 * startModelApp(script)` closes both when the test's scope ends.
 */
import { createLocalStylist } from "../../lib/stylist/providers/local.ts";
import { createModelStylist } from "../../lib/stylist/providers/model.ts";
import {
  createOpenAIStreamer,
  type OpenAIOptions,
} from "../../lib/stylist/providers/openai.ts";
import { type FakeScript, startFakeOpenAI } from "./fake_openai.ts";
import { startTestServer, type TestServerOptions } from "./server.ts";

export async function startModelApp(
  script: FakeScript,
  model: Partial<OpenAIOptions> = {},
  server: TestServerOptions = {},
) {
  const fake = await startFakeOpenAI(script);
  const app = await startTestServer({
    stylist: createModelStylist(createOpenAIStreamer({
      apiKey: "sk-test",
      model: "fake-model",
      baseURL: fake.baseURL,
      ...model,
    })),
    fallback: createLocalStylist(),
    ...server,
  });
  return {
    fake,
    server: app,
    async [Symbol.asyncDispose]() {
      await app[Symbol.asyncDispose]();
      await fake[Symbol.asyncDispose]();
    },
  };
}
