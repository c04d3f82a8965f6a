// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    /** What the error page says: a page's own heading and text where it has them, else the site's. */
    interface Error {
      message: string;
      title?: string;
      text?: string;
    }
  }
}

export {};
