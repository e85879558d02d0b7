/**
 * On no page as an island: the wardrobe's item form (components/
 * item_form.tsx) as a module of its own. The build makes it a file beside
 * the islands that takes Preact from the shared runtime, and the wardrobe
 * island imports it the first time the shopper reaches for the form, so
 * the page's first load carries none of the form's code (photos, colours,
 * validation): /wardrobe stays within its JavaScript budget.
 */
export { ItemForm as default } from "../components/item_form.tsx";
