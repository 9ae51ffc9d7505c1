/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_MSW?: string;
}
