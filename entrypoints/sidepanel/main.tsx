import { render } from 'preact';
import { t, uiLocale, useLanguage } from '@/lib/i18n/t';
import { readManagedSettings } from '@/lib/managed-settings/read';
import { connectBackground } from './background-link';
import { App } from './App';
import { createAppModel } from './models/app-model';
import './style.css';

/** The interface language IT may have chosen is loaded before anything is shown. */
async function start(): Promise<void> {
  const managed = await readManagedSettings();
  await useLanguage(managed.language);
  document.documentElement.lang = uiLocale();
  document.title = t('extName');
  const model = createAppModel(connectBackground(), managed);
  const root = document.getElementById('app');
  if (root) render(<App model={model} />, root);
}

void start();
