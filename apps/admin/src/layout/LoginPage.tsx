import { Box, Typography } from '@mui/material';
import { Login, LoginForm, useTranslate } from 'react-admin';
import { HtmlLang } from './HtmlLang';

/** react-admin's login form under the product name and its French tagline. */
export const LoginPage = () => {
  const translate = useTranslate();
  return (
    <Login sx={{ backgroundImage: 'linear-gradient(160deg, #1a3d6d 0%, #0f2747 60%, #0b1d36 100%)' }}>
      <HtmlLang />
      <Box component="header" sx={{ px: 3, pt: 1, textAlign: 'center' }}>
        <Typography component="h1" variant="h4" sx={{ fontWeight: 700, color: '#1a3d6d' }}>
          {translate('levier.app.title')}
        </Typography>
        <Typography component="p" variant="subtitle1" sx={{ color: 'text.secondary', maxWidth: 300, mx: 'auto' }}>
          {translate('levier.app.subtitle')}
        </Typography>
      </Box>
      <LoginForm />
    </Login>
  );
};
